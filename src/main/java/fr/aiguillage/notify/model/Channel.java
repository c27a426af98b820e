package fr.aiguillage.notify.model;

/** How a message travels. */
public enum Channel { SMS, EMAIL }
