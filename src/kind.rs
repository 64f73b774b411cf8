//! Finding kinds: the public, snake-case ids of `CONTRACTS.md` section 1.
//!
//! The ids are a contract shared with policies, audit logs and the extension:
//! add kinds, never rename or remove one.

use serde::{Deserialize, Serialize};

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $label:literal, $group:ident; )*) => {
        /// What a finding is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Kind {
            $( $(#[$doc])* #[serde(rename = $id)] $variant, )*
        }

        impl Kind {
            /// Every kind, in contract order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            /// The snake-case id used in reports and policies.
            pub fn id(self) -> &'static str {
                match self { $(Kind::$variant => $id,)* }
            }

            /// The upper-case label used by `--style label` redaction (`[SSN]`).
            pub fn label(self) -> &'static str {
                match self { $(Kind::$variant => $label,)* }
            }

            /// Whether the kind identifies a person (a HIPAA Safe Harbor
            /// identifier) rather than being health context.
            pub fn is_identifier(self) -> bool {
                match self { $(Kind::$variant => Group::$group == Group::Identifier,)* }
            }

            /// Parses a snake-case id.
            pub fn from_id(id: &str) -> Option<Kind> {
                match id { $($id => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

#[derive(PartialEq, Eq)]
enum Group {
    Identifier,
    Health,
}

kinds! {
    /// A patient's or relative's name.
    PersonName = "person_name", "NAME", Identifier;
    /// A street line, or a city that belongs to a patient address.
    StreetAddress = "street_address", "ADDRESS", Identifier;
    /// A 5 or 9 digit ZIP code in an address or ZIP field.
    ZipCode = "zip_code", "ZIP", Identifier;
    /// A date tied to a person: birth, admission, discharge, death, service.
    Date = "date", "DATE", Identifier;
    /// An age of 90 or more.
    AgeOver89 = "age_over_89", "AGE", Identifier;
    /// A phone or fax number.
    Phone = "phone", "PHONE", Identifier;
    /// An email address.
    Email = "email", "EMAIL", Identifier;
    /// A US Social Security number.
    Ssn = "ssn", "SSN", Identifier;
    /// A medical record number.
    Mrn = "mrn", "MRN", Identifier;
    /// A health plan beneficiary or member id.
    HealthPlanId = "health_plan_id", "MEMBER-ID", Identifier;
    /// A Medicare Beneficiary Identifier.
    MedicareMbi = "medicare_mbi", "MBI", Identifier;
    /// A patient account or billing number.
    AccountNumber = "account_number", "ACCOUNT", Identifier;
    /// A certificate or license number (driver's license, DEA number).
    LicenseNumber = "license_number", "LICENSE", Identifier;
    /// A VIN or license plate.
    VehicleId = "vehicle_id", "VEHICLE", Identifier;
    /// A device serial number or UDI.
    DeviceId = "device_id", "DEVICE", Identifier;
    /// A URL that identifies a person.
    Url = "url", "URL", Identifier;
    /// An IP address tied to a person.
    IpAddress = "ip_address", "IP", Identifier;
    /// A biometric identifier reference.
    BiometricId = "biometric_id", "BIOMETRIC", Identifier;
    /// An image that may show a face, or DICOM pixel data.
    Photo = "photo", "PHOTO", Identifier;
    /// Any other unique identifying number or code.
    OtherId = "other_id", "ID", Identifier;
    /// A payment card number.
    CreditCard = "credit_card", "CARD", Identifier;
    /// An ICD-10-CM or ICD-9 code.
    DiagnosisCode = "diagnosis_code", "DX", Health;
    /// A CPT or HCPCS code.
    ProcedureCode = "procedure_code", "PROCEDURE", Health;
    /// A National Drug Code.
    DrugCode = "drug_code", "NDC", Health;
    /// A drug name.
    Medication = "medication", "MEDICATION", Health;
    /// A diagnosis or condition term.
    Condition = "condition", "CONDITION", Health;
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &k in Kind::ALL {
            assert_eq!(Kind::from_id(k.id()), Some(k));
            assert!(seen.insert(k.id()), "duplicate id {}", k.id());
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.id()));
        }
        assert_eq!(Kind::ALL.len(), 26);
    }

    #[test]
    fn health_context_is_not_an_identifier() {
        assert!(Kind::Ssn.is_identifier());
        assert!(!Kind::Medication.is_identifier());
        assert!(!Kind::DiagnosisCode.is_identifier());
    }
}
