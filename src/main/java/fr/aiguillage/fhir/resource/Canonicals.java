package fr.aiguillage.fhir.resource;

/**
 * URLs and codes of the SAS guide (docs/sas-fhir.md quotes where each comes from). The profile URLs are the ones
 * the guide's CPTS search page asks for in {@code meta.profile}; their mixed hosts are the guide's own.
 */
public final class Canonicals {

  private static final String SAS = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/";
  private static final String SAS_FR = "http://sas.fr/fhir/StructureDefinition/";

  public static final String BUNDLE = SAS + "sas-cpts-bundle-aggregator";
  public static final String SLOT = SAS + "sas-cpts-slot-aggregator";
  public static final String SCHEDULE = SAS_FR + "FrScheduleAgregateur";
  public static final String PRACTITIONER = SAS_FR + "FrPractitionerAgregateur";
  public static final String PRACTITIONER_ROLE = SAS_FR + "FrPractitionerRoleExerciceAgregateur";
  public static final String LOCATION = SAS_FR + "FrLocationAgregateur";
  public static final String HEALTHCARE_SERVICE = SAS + "sas-cpts-healthcareservice-aggregator";
  /**
   * The CPTS organisation profile (FSH id sas-cpts-organization-aggregator), the one the Bundle's
   * organizationAgregateurCPTS slice is discriminated on. The search page's list names
   * sas-sos-organization-aggregator here, whose SIRET rule a FINESS cannot meet.
   */
  public static final String ORGANIZATION = SAS + "sas-cpts-organization-aggregator";

  public static final String CAPABILITY_REQUIREMENTS =
      "https://interop.esante.gouv.fr/ig/fhir/sas/CapabilityStatement/SAS-GestionnaireAgenda-CPTS";
  public static final String GUIDE = "https://interop.esante.gouv.fr/ig/fhir/sas";
  public static final String START_PARAMETER = "https://interop.esante.gouv.fr/ig/fhir/sas/SearchParameter/slot-sp-start";

  public static final String SLOT_TYPE = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String ESTABLISHMENT_CATEGORY =
      "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement";
  public static final String SERVICE_TYPE_R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";
  public static final String APPOINTMENT_REASON = "http://terminology.hl7.org/CodeSystem/v2-0276";
  public static final String RPPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
  public static final String FINESS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2";
  /** Identifier type of FrPractitionerAgregateur (IDNPS) and of the PractitionerRole's organisation. */
  public static final String INTEROPSANTE_V2_0203 = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203";
  /** Identifier type of FrOrganizationAgregateurCPTS (IDNST), alias $fr-v2-0203 of the guide. */
  public static final String FR_CORE_V2_0203 = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";

  private Canonicals() {
  }
}
