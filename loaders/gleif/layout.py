"""The column layout of the GLEIF golden copy CSV files (LEI-CDF 3.1 level 1, RR-CDF 2.1 level 2),
as the golden copy documentation lists them; used to write test samples and benchmark files."""

from __future__ import annotations


def _address(kind: str) -> list[str]:
    base = f"Entity.{kind}"
    return [f"{base}.xmllang", f"{base}.FirstAddressLine", f"{base}.AddressNumber", f"{base}.AddressNumberWithinBuilding",
            f"{base}.MailRouting", *(f"{base}.AdditionalAddressLine.{n}" for n in range(1, 4)),
            f"{base}.City", f"{base}.Region", f"{base}.Country", f"{base}.PostalCode"]


LEVEL1_HEADER = [
    "LEI", "Entity.LegalName", "Entity.LegalName.xmllang",
    *(f"Entity.OtherEntityNames.OtherEntityName.{n}{s}" for n in range(1, 6) for s in ("", ".xmllang", ".type")),
    *(f"Entity.TransliteratedOtherEntityNames.TransliteratedOtherEntityName.{n}{s}" for n in range(1, 6)
      for s in ("", ".xmllang", ".type")),
    *_address("LegalAddress"), *_address("HeadquartersAddress"),
    "Entity.RegistrationAuthority.RegistrationAuthorityID", "Entity.RegistrationAuthority.OtherRegistrationAuthorityID",
    "Entity.RegistrationAuthority.RegistrationAuthorityEntityID",
    "Entity.LegalJurisdiction", "Entity.EntityCategory", "Entity.EntitySubCategory",
    "Entity.LegalForm.EntityLegalFormCode", "Entity.LegalForm.OtherLegalForm",
    "Entity.AssociatedEntity.AssociatedLEI", "Entity.AssociatedEntity.AssociatedEntityName",
    "Entity.AssociatedEntity.type", "Entity.EntityStatus", "Entity.EntityCreationDate",
    "Entity.EntityExpirationDate", "Entity.EntityExpirationReason",
    "Entity.SuccessorEntity.1.SuccessorLEI", "Entity.SuccessorEntity.1.SuccessorEntityName",
    "Registration.InitialRegistrationDate", "Registration.LastUpdateDate", "Registration.RegistrationStatus",
    "Registration.NextRenewalDate", "Registration.ManagingLOU", "Registration.ValidationSources",
    "Registration.ValidationAuthority.ValidationAuthorityID",
    "Registration.ValidationAuthority.OtherValidationAuthorityID",
    "Registration.ValidationAuthority.ValidationAuthorityEntityID", "ConformityFlag",
]

LEVEL2_HEADER = [
    "Relationship.StartNode.NodeID", "Relationship.StartNode.NodeIDType",
    "Relationship.EndNode.NodeID", "Relationship.EndNode.NodeIDType",
    "Relationship.RelationshipType", "Relationship.RelationshipStatus",
    *(f"Relationship.Period.{n}.{f}" for n in range(1, 4) for f in ("startDate", "endDate", "periodType")),
    "Relationship.Qualifiers.1.QualifierDimension", "Relationship.Qualifiers.1.QualifierCategory",
    "Relationship.Quantifiers.1.MeasurementMethod", "Relationship.Quantifiers.1.QuantifierAmount",
    "Relationship.Quantifiers.1.QuantifierUnits",
    "Registration.InitialRegistrationDate", "Registration.LastUpdateDate", "Registration.RegistrationStatus",
    "Registration.NextRenewalDate", "Registration.ManagingLOU", "Registration.ValidationSources",
    "Registration.ValidationDocuments", "Registration.ValidationReference",
]
