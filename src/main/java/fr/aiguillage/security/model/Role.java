package fr.aiguillage.security.model;

/** What an account may do (DESIGN.md, "Users and roles"). */
public enum Role {
  ADMIN,
  COORDINATOR,
  OPERATOR,
  PROFESSIONAL,
  ORIENTER
}
