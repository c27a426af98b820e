/**
 * HTTP plumbing shared by every module: router assembly, authentication, request reading,
 * JSON writing and problem+json errors. Holds no business rule and no SQL.
 */
package fr.aiguillage.web;
