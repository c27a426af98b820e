package fr.aiguillage.patient.model;

/** How a patient wants to be told of their appointments: by SMS (the default), by e-mail, or not at all. */
public enum NotificationChannel { SMS, EMAIL, NONE }
