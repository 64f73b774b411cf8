//! Labels and field names: what a value means from the words in front of it
//! ("DOB:", "Member ID") or the column, key or field it sits in
//! (`last_name`, `birthDate`, `PID-7`).
//!
//! Matching is on whole words, never substrings (Presidio's "lic" in "public").

use crate::Kind;
use std::sync::OnceLock;

macro_rules! roles {
    ($( $(#[$doc:meta])* $variant:ident, )*) => {
        /// What a field or label says its value is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum Role {
            $( $(#[$doc])* $variant, )*
        }

        impl Role {
            /// The variant's name, as extraction JSON carries it (`PatientName`).
            pub fn name(self) -> &'static str {
                match self { $(Role::$variant => stringify!($variant),)* }
            }

            /// Every role, in order: `Role::ALL[r as usize] == r`.
            pub const ALL: &'static [Role] = &[$(Role::$variant),*];

            /// The role of a name written by [`Role::name`] (extraction JSON
            /// read back by the core's `scanExtracted`).
            #[cfg(any(test, all(target_arch = "wasm32", not(feature = "wasm-files"))))]
            pub fn from_name(name: &str) -> Option<Role> {
                Role::ALL.iter().copied().find(|r| r.name() == name)
            }
        }
    };
}

roles! {
    /// A name field of unknown owner: a patient's when the document is about patients.
    Name,
    /// Explicitly the patient's (or member's, insured's) name.
    PatientName,
    /// A relative, guardian or emergency contact.
    RelativeName,
    /// Staff: reporter, assignee, provider, physician. Not PHI.
    Staff,
    /// Birth date.
    Dob,
    /// Another date of the person: admission, discharge, service, death.
    PersonDate,
    /// Age.
    Age,
    /// Street address (or the whole address).
    Address,
    /// City of an address.
    City,
    /// State: not a Safe Harbor identifier, context only.
    State,
    /// ZIP or postal code.
    Zip,
    /// Phone or fax.
    Phone,
    /// Email.
    Email,
    /// Social Security number.
    Ssn,
    /// Medical record number or patient id.
    Mrn,
    /// Health plan member / subscriber / policy id.
    MemberId,
    /// Medicare Beneficiary Identifier.
    Mbi,
    /// Account, visit, claim or billing number.
    Account,
    /// Driver's license, DEA or other certificate.
    License,
    /// VIN or licence plate.
    Vehicle,
    /// Device serial or UDI.
    Device,
    /// A biometric identifier's reference (a palm-vein or fingerprint enrolment id).
    Biometric,
    /// A URL.
    Url,
    /// An IP address.
    Ip,
    /// Another identifying number.
    OtherId,
    /// Provider NPI: identifies staff, not patients.
    Npi,
    /// Diagnosis code or description.
    Diagnosis,
    /// Procedure code.
    Procedure,
    /// NDC.
    DrugCode,
    /// Drug name.
    Medication,
    /// Free clinical text: scan it as prose.
    Note,
    /// Technical: version, build, port, thread, trace id, meeting id. Values are not PHI.
    Tech,
    /// Conference bridge, pager, hotline: phone-like numbers that are not a person's.
    Dial,
}

impl serde::Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl Role {
    /// The finding kind a value in this field gets, if the field itself makes it PHI.
    pub fn kind(self) -> Option<Kind> {
        Some(match self {
            Role::Name | Role::PatientName | Role::RelativeName => Kind::PersonName,
            Role::Dob | Role::PersonDate => Kind::Date,
            Role::Age => Kind::AgeOver89,
            Role::Address | Role::City => Kind::StreetAddress,
            Role::Zip => Kind::ZipCode,
            Role::Phone => Kind::Phone,
            Role::Email => Kind::Email,
            Role::Ssn => Kind::Ssn,
            Role::Mrn => Kind::Mrn,
            Role::MemberId => Kind::HealthPlanId,
            Role::Mbi => Kind::MedicareMbi,
            Role::Account => Kind::AccountNumber,
            Role::License => Kind::LicenseNumber,
            Role::Vehicle => Kind::VehicleId,
            Role::Device => Kind::DeviceId,
            Role::Biometric => Kind::BiometricId,
            Role::Url => Kind::Url,
            Role::Ip => Kind::IpAddress,
            Role::OtherId => Kind::OtherId,
            Role::Diagnosis => Kind::DiagnosisCode,
            Role::Procedure => Kind::ProcedureCode,
            Role::DrugCode => Kind::DrugCode,
            Role::Medication => Kind::Medication,
            Role::Staff | Role::State | Role::Npi | Role::Note | Role::Tech | Role::Dial => return None,
        })
    }

    /// Identifiers that only health systems hold: a value in such a field
    /// makes the document PHI on its own.
    pub fn is_health_system_id(self) -> bool {
        matches!(self, Role::Mrn | Role::MemberId | Role::Mbi)
    }

    /// Whether a structured value in this field makes the document a patient's
    /// record: a health-system id, a birth date or a patient's name.
    pub fn marks_patient_record(self) -> bool {
        self.is_health_system_id() || matches!(self, Role::Dob | Role::PatientName)
    }

    /// Whether the role's value is an identifier of a person.
    pub fn is_personal(self) -> bool {
        self.kind().is_some_and(Kind::is_identifier)
    }

    /// The words used in reasons.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Name => "name field",
            Role::PatientName => "patient name field",
            Role::RelativeName => "relative or contact field",
            Role::Staff => "staff field",
            Role::Dob => "birth date field",
            Role::PersonDate => "patient date field",
            Role::Age => "age field",
            Role::Address => "address field",
            Role::City => "city field",
            Role::State => "state field",
            Role::Zip => "ZIP field",
            Role::Phone => "phone field",
            Role::Email => "email field",
            Role::Ssn => "SSN field",
            Role::Mrn => "MRN field",
            Role::MemberId => "member id field",
            Role::Mbi => "Medicare id field",
            Role::Account => "account field",
            Role::License => "license field",
            Role::Vehicle => "vehicle field",
            Role::Device => "device field",
            Role::Biometric => "biometric field",
            Role::Url => "URL field",
            Role::Ip => "IP address field",
            Role::OtherId => "identifier field",
            Role::Npi => "NPI field",
            Role::Diagnosis => "diagnosis field",
            Role::Procedure => "procedure field",
            Role::DrugCode => "drug code field",
            Role::Medication => "medication field",
            Role::Note => "note field",
            Role::Tech => "technical field",
            Role::Dial => "dial-in field",
        }
    }
}

/// Label phrases, lower-case words separated by single spaces. Used for
/// prose labels ("DOB:"), and for column, key and field names after
/// [`normalize_field`]. A `const`: the wasm package holds only its packed
/// form ([`labels`]), not a table of pointers (about 2 KB gzipped).
const LABELS: &[(&str, Role)] = &[
    // names
    ("name", Role::Name),
    ("full name", Role::Name),
    ("legal name", Role::Name),
    ("first name", Role::Name),
    ("firstname", Role::Name),
    ("fname", Role::Name),
    ("given name", Role::Name),
    ("given", Role::Name),
    ("first", Role::Name),
    ("last", Role::Name),
    ("middle name", Role::Name),
    ("middle", Role::Name),
    ("middle initial", Role::Name),
    ("last name", Role::Name),
    ("lastname", Role::Name),
    ("lname", Role::Name),
    ("surname", Role::Name),
    ("family name", Role::Name),
    ("family", Role::Name),
    ("maiden name", Role::Name),
    ("preferred name", Role::Name),
    ("patient", Role::PatientName),
    ("decedent", Role::PatientName),
    // FHIR's reference to the patient, `"subject": {"display": "..."}`, in a fragment.
    ("subject display", Role::PatientName),
    ("patient display", Role::PatientName),
    ("patient name", Role::PatientName),
    ("patient first name", Role::PatientName),
    ("patient last name", Role::PatientName),
    ("patient given name", Role::PatientName),
    ("patient family name", Role::PatientName),
    ("patient middle name", Role::PatientName),
    ("pt", Role::PatientName),
    ("pt name", Role::PatientName),
    ("pt nm", Role::PatientName),
    ("patient nm", Role::PatientName),
    ("member", Role::PatientName),
    ("member name", Role::PatientName),
    ("subscriber", Role::PatientName),
    ("subscriber name", Role::PatientName),
    ("insured", Role::PatientName),
    ("insured name", Role::PatientName),
    ("beneficiary", Role::PatientName),
    ("beneficiary name", Role::PatientName),
    ("enrollee", Role::PatientName),
    ("client", Role::PatientName),
    ("client name", Role::PatientName),
    ("resident", Role::PatientName),
    ("guarantor", Role::RelativeName),
    ("guarantor name", Role::RelativeName),
    ("name on card", Role::PatientName),
    ("cardholder name", Role::PatientName),
    ("mother", Role::RelativeName),
    ("mother name", Role::RelativeName),
    ("mothers maiden name", Role::RelativeName),
    ("father", Role::RelativeName),
    ("spouse", Role::RelativeName),
    ("parent", Role::RelativeName),
    ("guardian", Role::RelativeName),
    ("proxy", Role::RelativeName),
    ("proxy name", Role::RelativeName),
    ("next of kin", Role::RelativeName),
    ("nok", Role::RelativeName),
    ("emergency contact", Role::RelativeName),
    ("emergency contact name", Role::RelativeName),
    ("relative", Role::RelativeName),
    ("caregiver", Role::RelativeName),
    ("responsible party", Role::RelativeName),
    // staff
    ("reporter", Role::Staff),
    ("reported by", Role::Staff),
    ("assignee", Role::Staff),
    ("assigned to", Role::Staff),
    ("attendees", Role::Staff),
    ("attendee", Role::Staff),
    ("participants", Role::Staff),
    ("present", Role::Staff),
    ("absent", Role::Staff),
    ("apologies", Role::Staff),
    ("author", Role::Staff),
    ("authors", Role::Staff),
    ("reviewer", Role::Staff),
    ("reviewers", Role::Staff),
    ("reviewed by", Role::Staff),
    ("approver", Role::Staff),
    ("approved by", Role::Staff),
    ("owner", Role::Staff),
    ("owners", Role::Staff),
    ("cc", Role::Staff),
    ("watchers", Role::Staff),
    ("created by", Role::Staff),
    ("updated by", Role::Staff),
    ("modified by", Role::Staff),
    ("changed by", Role::Staff),
    ("performed by", Role::Staff),
    ("actor", Role::Staff),
    ("submitted by", Role::Staff),
    ("requested by", Role::Staff),
    ("requester", Role::Staff),
    ("facilitator", Role::Staff),
    ("presenter", Role::Staff),
    ("note taker", Role::Staff),
    ("notes by", Role::Staff),
    ("scribe", Role::Staff),
    ("chair", Role::Staff),
    ("organizer", Role::Staff),
    ("host", Role::Staff),
    ("contributors", Role::Staff),
    ("contributor", Role::Staff),
    ("committer", Role::Staff),
    ("signed off by", Role::Staff),
    ("co authored by", Role::Staff),
    ("provider", Role::Staff),
    ("provider name", Role::Staff),
    ("rendering provider", Role::Staff),
    ("billing provider", Role::Staff),
    ("ordering provider", Role::Staff),
    ("referring provider", Role::Staff),
    ("physician", Role::Staff),
    ("attending", Role::Staff),
    ("attending physician", Role::Staff),
    ("attending provider", Role::Staff),
    ("admitting physician", Role::Staff),
    ("referring physician", Role::Staff),
    ("primary care physician", Role::Staff),
    ("pcp", Role::Staff),
    ("doctor", Role::Staff),
    ("surgeon", Role::Staff),
    ("nurse", Role::Staff),
    ("clinician", Role::Staff),
    ("prescriber", Role::Staff),
    ("case manager", Role::Staff),
    ("signed by", Role::Staff),
    ("electronically signed by", Role::Staff),
    ("dictated by", Role::Staff),
    ("transcribed by", Role::Staff),
    ("on call", Role::Staff),
    ("oncall", Role::Staff),
    ("primary on call", Role::Staff),
    ("secondary on call", Role::Staff),
    ("escalation", Role::Staff),
    ("manager", Role::Staff),
    ("team lead", Role::Staff),
    ("lead", Role::Staff),
    ("engineer", Role::Staff),
    ("developer", Role::Staff),
    ("agent", Role::Staff),
    ("rep", Role::Staff),
    ("representative", Role::Staff),
    ("analyst", Role::Staff),
    ("staff", Role::Staff),
    ("employee", Role::Staff),
    ("user", Role::Staff),
    ("username", Role::Staff),
    ("login", Role::Staff),
    ("role", Role::Staff),
    ("title", Role::Staff),
    ("team", Role::Staff),
    ("department", Role::Staff),
    ("practitioner", Role::Staff),
    ("performer", Role::Staff),
    ("facility", Role::Staff),
    ("facility name", Role::Staff),
    ("hospital", Role::Staff),
    ("clinic", Role::Staff),
    ("payer", Role::Staff),
    ("payer name", Role::Staff),
    ("plan name", Role::Staff),
    ("organization", Role::Staff),
    ("company", Role::Staff),
    // dates
    ("dob", Role::Dob),
    ("d o b", Role::Dob),
    ("date of birth", Role::Dob),
    ("birth date", Role::Dob),
    ("birthdate", Role::Dob),
    ("birthday", Role::Dob),
    ("birth", Role::Dob),
    ("born", Role::Dob),
    ("birth time", Role::Dob),
    ("birthtime", Role::Dob),
    ("admitted", Role::PersonDate),
    ("admission", Role::PersonDate),
    ("administered", Role::PersonDate),
    ("time administered", Role::PersonDate),
    ("admin time", Role::PersonDate),
    ("admission date", Role::PersonDate),
    ("admit date", Role::PersonDate),
    ("fill date", Role::PersonDate),
    ("admit", Role::PersonDate),
    ("date admitted", Role::PersonDate),
    ("discharged", Role::PersonDate),
    ("discharge", Role::PersonDate),
    ("discharge date", Role::PersonDate),
    ("shift date", Role::PersonDate),
    ("d c date", Role::PersonDate),
    ("dc date", Role::PersonDate),
    ("date discharged", Role::PersonDate),
    ("arrived", Role::PersonDate),
    ("arrival", Role::PersonDate),
    ("arrival time", Role::PersonDate),
    ("arrival date", Role::PersonDate),
    // Expected discharge date (and, in obstetrics, estimated date of delivery).
    ("edd", Role::PersonDate),
    ("expected discharge", Role::PersonDate),
    ("anticipated discharge", Role::PersonDate),
    ("date of service", Role::PersonDate),
    ("dos", Role::PersonDate),
    ("service date", Role::PersonDate),
    ("date of visit", Role::PersonDate),
    ("visit date", Role::PersonDate),
    ("visit time", Role::PersonDate),
    ("transfer date", Role::PersonDate),
    ("date of transfer", Role::PersonDate),
    ("seen in clinic", Role::PersonDate),
    ("date seen", Role::PersonDate),
    ("encounter date", Role::PersonDate),
    ("encounter time", Role::PersonDate),
    ("appointment", Role::PersonDate),
    ("appointment date", Role::PersonDate),
    ("appt", Role::PersonDate),
    ("appt date", Role::PersonDate),
    ("appt start", Role::PersonDate),
    ("appt time", Role::PersonDate),
    ("appointment start", Role::PersonDate),
    ("appointment time", Role::PersonDate),
    ("next appointment", Role::PersonDate),
    ("next appt", Role::PersonDate),
    ("next visit", Role::PersonDate),
    ("next infusion", Role::PersonDate),
    ("infusion date", Role::PersonDate),
    ("intake date", Role::PersonDate),
    ("exam date", Role::PersonDate),
    ("date of exam", Role::PersonDate),
    ("study date", Role::PersonDate),
    ("implant date", Role::PersonDate),
    ("date of death", Role::PersonDate),
    ("dod", Role::PersonDate),
    ("death date", Role::PersonDate),
    ("deceased", Role::PersonDate),
    ("deceased date", Role::PersonDate),
    ("expired", Role::PersonDate),
    ("date of injury", Role::PersonDate),
    ("injury date", Role::PersonDate),
    ("accident date", Role::PersonDate),
    ("date of accident", Role::PersonDate),
    ("surgery date", Role::PersonDate),
    ("procedure date", Role::PersonDate),
    ("collected at", Role::PersonDate),
    ("collected on", Role::PersonDate),
    ("collection date", Role::PersonDate),
    ("specimen collected", Role::PersonDate),
    ("evaluation date", Role::PersonDate),
    ("date of procedure", Role::PersonDate),
    ("onset date", Role::PersonDate),
    ("claim date", Role::PersonDate),
    ("from date", Role::PersonDate),
    ("to date", Role::PersonDate),
    ("service from", Role::PersonDate),
    ("service to", Role::PersonDate),
    ("start date", Role::PersonDate),
    ("starts at", Role::PersonDate),
    ("team member", Role::Staff),
    // An Epic encounter's date (Clarity's CONTACT_DATE).
    ("contact date", Role::PersonDate),
    ("end date", Role::PersonDate),
    ("effective date", Role::PersonDate),
    ("period start", Role::PersonDate),
    ("period end", Role::PersonDate),
    ("deceased date time", Role::PersonDate),
    ("age", Role::Age),
    // A rule's population bounds, no one's age.
    ("min age", Role::Tech),
    ("max age", Role::Tech),
    ("minimum age", Role::Tech),
    ("maximum age", Role::Tech),
    ("age at admit", Role::Age),
    ("age at admission", Role::Age),
    ("age at visit", Role::Age),
    ("age at encounter", Role::Age),
    ("age at service", Role::Age),
    ("age at discharge", Role::Age),
    ("age at death", Role::Age),
    // address
    ("address", Role::Address),
    ("addr", Role::Address),
    ("street", Role::Address),
    ("street address", Role::Address),
    ("home address", Role::Address),
    ("mailing address", Role::Address),
    ("residence", Role::Address),
    ("address line", Role::Address),
    ("city", Role::City),
    ("town city", Role::City),
    // One column for the rest of the address: "City State ZIP", "City/St/Zip".
    ("city state zip", Role::City),
    ("city st zip", Role::City),
    ("city state", Role::City),
    ("city state zip code", Role::City),
    ("town", Role::City),
    ("state", Role::State),
    ("zip", Role::Zip),
    ("zip code", Role::Zip),
    ("zipcode", Role::Zip),
    ("postal code", Role::Zip),
    ("postalcode", Role::Zip),
    ("postcode", Role::Zip),
    // contact
    ("phone", Role::Phone),
    ("phone number", Role::Phone),
    ("home phone", Role::Phone),
    ("cell phone", Role::Phone),
    ("mobile phone", Role::Phone),
    ("work phone", Role::Phone),
    ("tel", Role::Phone),
    ("telephone", Role::Phone),
    ("cell", Role::Phone),
    ("mobile", Role::Phone),
    ("ph", Role::Phone),
    ("contact number", Role::Phone),
    ("callback", Role::Phone),
    ("callback number", Role::Phone),
    ("call back", Role::Phone),
    ("fax", Role::Phone),
    ("telecom", Role::Phone),
    ("email", Role::Email),
    ("e mail", Role::Email),
    ("email address", Role::Email),
    // identifiers
    ("ssn", Role::Ssn),
    ("ss", Role::Ssn),
    ("soc sec", Role::Ssn),
    ("social security", Role::Ssn),
    ("social security number", Role::Ssn),
    ("social", Role::Ssn),
    ("mrn", Role::Mrn),
    ("mr", Role::Mrn),
    ("mr number", Role::Mrn),
    ("medical record", Role::Mrn),
    ("medical record number", Role::Mrn),
    // (athenaNet's enterprise id, NextGen's person number: the patient's record number there.)
    ("enterprise id", Role::Mrn),
    ("person number", Role::Mrn),
    // (Meditech's unit number, `Unit#`: its medical record number.)
    ("unit number", Role::Mrn),
    ("med rec", Role::Mrn),
    ("med rec no", Role::Mrn),
    ("chart", Role::Mrn),
    // (Cerner's PowerChart is a product, not a chart's number.)
    ("power chart", Role::Tech),
    ("chart number", Role::Mrn),
    ("chart no", Role::Mrn),
    ("record number", Role::Mrn),
    ("patient id", Role::Mrn),
    ("patient number", Role::Mrn),
    ("pt id", Role::Mrn),
    ("hospital number", Role::Mrn),
    ("hospital no", Role::Mrn),
    ("hospital id", Role::Mrn),
    ("hosp no", Role::Mrn),
    ("emr id", Role::Mrn),
    ("ehr id", Role::Mrn),
    ("empi", Role::Mrn),
    ("mpi", Role::Mrn),
    ("identifier", Role::Mrn),
    ("member id", Role::MemberId),
    ("mbr id", Role::MemberId),
    ("mbr number", Role::MemberId),
    ("member number", Role::MemberId),
    ("member no", Role::MemberId),
    ("memberid", Role::MemberId),
    ("subscriberid", Role::MemberId),
    ("subscriber id", Role::MemberId),
    ("subscriber number", Role::MemberId),
    ("subscriber no", Role::MemberId),
    ("policy number", Role::MemberId),
    ("policy no", Role::MemberId),
    ("policy id", Role::MemberId),
    ("insurance id", Role::MemberId),
    ("id on the card", Role::MemberId),
    ("id on my card", Role::MemberId),
    ("number on the card", Role::MemberId),
    ("number on my card", Role::MemberId),
    ("id on your card", Role::MemberId),
    ("insurance number", Role::MemberId),
    ("insured id", Role::MemberId),
    ("plan id", Role::MemberId),
    ("health plan id", Role::MemberId),
    ("cardholder id", Role::MemberId),
    ("beneficiary id", Role::MemberId),
    ("enrollee id", Role::MemberId),
    ("medicaid", Role::MemberId),
    ("medicaid id", Role::MemberId),
    ("medicaid number", Role::MemberId),
    ("medicaid cin", Role::MemberId),
    ("hicn", Role::MemberId),
    ("id card", Role::MemberId),
    ("mbi", Role::Mbi),
    ("medicare", Role::Mbi),
    ("medicare id", Role::Mbi),
    ("medicare number", Role::Mbi),
    ("medicare beneficiary identifier", Role::Mbi),
    ("account", Role::Account),
    ("account number", Role::Account),
    ("patient control number", Role::Account),
    ("pcn", Role::Account),
    ("account no", Role::Account),
    ("acct", Role::Account),
    ("acct no", Role::Account),
    ("patient account", Role::Account),
    ("billing account", Role::Account),
    ("visit number", Role::Account),
    ("visit", Role::Account),
    ("auth", Role::OtherId),
    ("auth number", Role::OtherId),
    ("authorization number", Role::OtherId),
    ("prior auth", Role::OtherId),
    ("prior auth number", Role::OtherId),
    ("prior authorization number", Role::OtherId),
    ("pa number", Role::OtherId),
    ("appeal number", Role::OtherId),
    ("referral number", Role::OtherId),
    ("accession", Role::OtherId),
    ("accession number", Role::OtherId),
    ("accession no", Role::OtherId),
    ("medical examiner case", Role::OtherId),
    ("medical examiner case no", Role::OtherId),
    ("medical examiner case number", Role::OtherId),
    ("coroner case", Role::OtherId),
    ("me case", Role::OtherId),
    ("hospice id", Role::OtherId),
    ("rx number", Role::OtherId),
    ("prescription number", Role::OtherId),
    ("encounter number", Role::Account),
    ("encounter id", Role::Account),
    ("visit id", Role::Account),
    ("fin", Role::Account),
    ("csn", Role::Account),
    ("csn id", Role::Account),
    ("har", Role::Account),
    ("claim", Role::Account),
    ("claim id", Role::Account),
    ("claimid", Role::Account),
    ("icn", Role::Account),
    ("claim control", Role::Account),
    ("claim control number", Role::Account),
    ("payer claim control", Role::Account),
    ("claim number", Role::Account),
    ("claim no", Role::Account),
    ("license", Role::License),
    ("licence", Role::License),
    ("license number", Role::License),
    ("drivers license", Role::License),
    ("photo id", Role::License),
    ("state id", Role::License),
    ("driver license", Role::License),
    ("drivers license number", Role::License),
    ("dl", Role::License),
    ("dea", Role::License),
    ("dea number", Role::License),
    ("certificate", Role::License),
    ("certificate number", Role::License),
    ("vin", Role::Vehicle),
    ("vehicle", Role::Vehicle),
    ("license plate", Role::Vehicle),
    ("plate", Role::Vehicle),
    ("serial", Role::Device),
    ("serial number", Role::Device),
    ("serial no", Role::Device),
    ("sn", Role::Device),
    ("s n", Role::Device),
    ("udi", Role::Device),
    ("imei", Role::Device),
    ("device id", Role::Device),
    ("device serial", Role::Device),
    ("implant", Role::Device),
    ("pacemaker", Role::Device),
    ("biometric", Role::Biometric),
    ("biometric id", Role::Biometric),
    ("palm vein id", Role::Biometric),
    ("fingerprint id", Role::Biometric),
    ("url", Role::Url),
    ("portal", Role::Url),
    ("link", Role::Url),
    ("ip", Role::Ip),
    ("ip address", Role::Ip),
    ("client ip", Role::Ip),
    ("npi", Role::Npi),
    ("provider npi", Role::Npi),
    ("tax id", Role::Tech),
    ("tin", Role::Tech),
    ("npi number", Role::Npi),
    // health context
    ("diagnosis", Role::Diagnosis),
    ("diagnoses", Role::Diagnosis),
    ("dx", Role::Diagnosis),
    ("icd", Role::Diagnosis),
    ("icd code", Role::Diagnosis),
    ("diagnosis code", Role::Diagnosis),
    ("primary diagnosis", Role::Diagnosis),
    ("cpt", Role::Procedure),
    ("cpt code", Role::Procedure),
    ("hcpcs", Role::Procedure),
    ("procedure", Role::Procedure),
    ("procedure code", Role::Procedure),
    ("ndc", Role::DrugCode),
    ("medication", Role::Medication),
    ("medications", Role::Medication),
    ("drug", Role::Medication),
    ("rx", Role::Medication),
    ("note", Role::Note),
    ("notes", Role::Note),
    ("comment", Role::Note),
    ("comments", Role::Note),
    ("description", Role::Note),
    ("summary", Role::Note),
    ("text", Role::Note),
    ("div", Role::Note),
    ("reason", Role::Note),
    ("subject", Role::Note),
    // technical: the value is not a person's
    ("version", Role::Tech),
    ("build", Role::Tech),
    ("build number", Role::Tech),
    ("release", Role::Tech),
    ("port", Role::Tech),
    ("thread", Role::Tech),
    ("pid", Role::Tech),
    // HL7 field names used as labels in prose and logs: "PID-7 value '19320607' rejected"
    // (not column names: `field_role` drops digits).
    ("pid 3", Role::Mrn),
    ("pid 5", Role::PatientName),
    ("pid 7", Role::Dob),
    ("pid 18", Role::Account),
    ("pid 19", Role::Ssn),
    ("uuid", Role::Tech),
    ("guid", Role::Tech),
    ("trace id", Role::Tech),
    ("span id", Role::Tech),
    ("request id", Role::Tech),
    ("correlation id", Role::Tech),
    ("session id", Role::Tech),
    ("message id", Role::Tech),
    ("message control id", Role::Tech),
    ("commit", Role::Tech),
    ("sha", Role::Tech),
    ("hash", Role::Tech),
    ("checksum", Role::Tech),
    ("ticket", Role::Tech),
    ("issue", Role::Tech),
    ("order", Role::Tech),
    ("order id", Role::Tech),
    ("order number", Role::Tech),
    ("invoice", Role::Tech),
    ("sku", Role::Tech),
    ("error code", Role::Tech),
    ("status", Role::Tech),
    ("status code", Role::Tech),
    ("duration", Role::Tech),
    ("timestamp", Role::Tech),
    ("time", Role::Tech),
    ("timeout", Role::Tech),
    ("latency", Role::Tech),
    ("count", Role::Tech),
    ("amount", Role::Tech),
    ("billed amount", Role::Tech),
    ("paid amount", Role::Tech),
    ("charge", Role::Tech),
    ("total", Role::Tech),
    ("units", Role::Tech),
    ("quantity", Role::Tech),
    ("qty", Role::Tech),
    ("group number", Role::Tech),
    ("group", Role::Tech),
    ("group id", Role::Tech),
    ("hostname", Role::Tech),
    ("server", Role::Tech),
    ("node", Role::Tech),
    ("instance", Role::Tech),
    ("environment", Role::Tech),
    ("env", Role::Tech),
    ("sprint", Role::Tech),
    ("story points", Role::Tech),
    ("priority", Role::Tech),
    ("severity", Role::Tech),
    ("component", Role::Tech),
    ("components", Role::Tech),
    ("labels", Role::Tech),
    ("fix version", Role::Tech),
    ("fix versions", Role::Tech),
    ("affects version", Role::Tech),
    ("affects versions", Role::Tech),
    ("resolution", Role::Tech),
    ("created", Role::Tech),
    ("updated", Role::Tech),
    ("resolved", Role::Tech),
    ("due", Role::Tech),
    ("due date", Role::Tech),
    ("release date", Role::Tech),
    // A payment's or a batch's dates, not the care's.
    ("check date", Role::Tech),
    ("payment date", Role::Tech),
    ("paid date", Role::Tech),
    ("remit date", Role::Tech),
    ("deposit date", Role::Tech),
    ("posting date", Role::Tech),
    ("batch date", Role::Tech),
    ("run date", Role::Tech),
    ("report date", Role::Tech),
    ("export date", Role::Tech),
    ("file date", Role::Tech),
    ("date", Role::Tech),
    ("meeting date", Role::Tech),
    ("last updated", Role::Tech),
    ("last reviewed", Role::Tech),
    ("next review", Role::Tech),
    ("hours", Role::Tech),
    ("shift", Role::Tech),
    ("rotation", Role::Tech),
    ("location", Role::Tech),
    ("room", Role::Tech),
    ("meeting id", Role::Dial),
    ("conference id", Role::Dial),
    ("conference", Role::Dial),
    ("passcode", Role::Dial),
    ("pin", Role::Dial),
    ("access code", Role::Dial),
    ("participant code", Role::Dial),
    ("bridge", Role::Dial),
    ("dial in", Role::Dial),
    ("dial", Role::Dial),
    ("toll", Role::Dial),
    ("toll free", Role::Dial),
    ("pager", Role::Dial),
    ("beeper", Role::Dial),
    ("hotline", Role::Dial),
    ("help desk", Role::Dial),
    ("helpdesk", Role::Dial),
    ("service desk", Role::Dial),
    ("support line", Role::Dial),
    ("extension", Role::Dial),
    ("ext", Role::Dial),
    ("vocera", Role::Dial),
    ("spectralink", Role::Dial),
    ("zoom", Role::Dial),
    ("webex", Role::Dial),
    ("teams", Role::Dial),
    // Spanish forms and letters
    ("nombre", Role::Name),
    ("nombre completo", Role::Name),
    ("apellido", Role::Name),
    ("apellidos", Role::Name),
    ("paciente", Role::PatientName),
    ("nombre del paciente", Role::PatientName),
    ("fecha de nacimiento", Role::Dob),
    ("nacimiento", Role::Dob),
    ("fecha de ingreso", Role::PersonDate),
    ("fecha de alta", Role::PersonDate),
    ("teléfono", Role::Phone),
    ("telefono", Role::Phone),
    ("celular", Role::Phone),
    ("móvil", Role::Phone),
    ("dirección", Role::Address),
    ("direccion", Role::Address),
    ("domicilio", Role::Address),
    ("ciudad", Role::City),
    ("código postal", Role::Zip),
    ("codigo postal", Role::Zip),
    ("correo", Role::Email),
    ("correo electrónico", Role::Email),
    ("número de afiliado", Role::MemberId),
    ("numero de afiliado", Role::MemberId),
    ("número de miembro", Role::MemberId),
    ("número de póliza", Role::MemberId),
    ("expediente", Role::Mrn),
    ("número de expediente", Role::Mrn),
    ("seguro social", Role::Ssn),
    // Portuguese
    ("data de nascimento", Role::Dob),
    // French
    ("date de naissance", Role::Dob),
    ("numéro de dossier", Role::Mrn),
    ("numero de dossier", Role::Mrn),
    ("téléphone", Role::Phone),
    ("adresse", Role::Address),
    ("courriel", Role::Email),
    ("prontuário", Role::Mrn),
    ("prontuario", Role::Mrn),
    ("telefone", Role::Phone),
    ("endereço", Role::Address),
    ("patiente", Role::PatientName),
    // German
    ("patientin", Role::PatientName),
    ("vorname", Role::Name),
    ("nachname", Role::Name),
    ("geburtsdatum", Role::Dob),
    ("versichertennummer", Role::MemberId),
    ("aufnahmedatum", Role::PersonDate),
    ("leistungsdatum", Role::PersonDate),
    ("telefon", Role::Phone),
    ("anschrift", Role::Address),
    ("wohnort", Role::City),
    ("konto", Role::Account),
    ("fallnummer", Role::Account),
    ("aufnahme", Role::PersonDate),
    ("entlassung", Role::PersonDate),
    ("entlassungsdatum", Role::PersonDate),
    // Italian
    ("data di nascita", Role::Dob),
    ("codice paziente", Role::Mrn),
    ("numero paziente", Role::Mrn),
    ("cartella clinica", Role::Mrn),
    ("codice fiscale", Role::Ssn),
    ("indirizzo", Role::Address),
    ("cognome", Role::Name),
    // Dutch
    ("geboortedatum", Role::Dob),
    ("patiëntnummer", Role::Mrn),
    ("patientnummer", Role::Mrn),
    ("burgerservicenummer", Role::Ssn),
    ("telefoonnummer", Role::Phone),
    ("adres", Role::Address),
    // Polish
    ("data urodzenia", Role::Dob),
    ("numer karty", Role::Mrn),
    ("numer pacjenta", Role::Mrn),
    ("pesel", Role::Ssn),
    ("nazwisko", Role::Name),
    ("adres zamieszkania", Role::Address),
    // Japanese
    ("患者氏名", Role::PatientName),
    ("氏名", Role::Name),
    ("生年月日", Role::Dob),
    ("カルテ番号", Role::Mrn),
    ("診察券番号", Role::Mrn),
    ("患者番号", Role::Mrn),
    ("電話", Role::Phone),
    ("電話番号", Role::Phone),
    ("住所", Role::Address),
];

/// [`LABELS`]' phrases, each ended by a NUL, and their roles in the same order.
static PHRASES: &str = match std::str::from_utf8(&packed::<{ packed_len() }>()) {
    Ok(s) => s,
    Err(_) => panic!("labels are UTF-8"),
};
static ROLES: [Role; LABELS.len()] = {
    let mut roles = [Role::Name; LABELS.len()];
    let mut i = 0;
    while i < LABELS.len() {
        roles[i] = LABELS[i].1;
        i += 1;
    }
    roles
};

const fn packed_len() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < LABELS.len() {
        n += LABELS[i].0.len() + 1;
        i += 1;
    }
    n
}

const fn packed<const N: usize>() -> [u8; N] {
    let mut out = [0; N];
    let (mut k, mut i) = (0, 0);
    while i < LABELS.len() {
        let phrase = LABELS[i].0.as_bytes();
        let mut j = 0;
        while j < phrase.len() {
            out[k] = phrase[j];
            k += 1;
            j += 1;
        }
        k += 1;
        i += 1;
    }
    out
}

/// Every label phrase with its role.
pub(crate) fn labels() -> impl Iterator<Item = (&'static str, Role)> {
    PHRASES.split_terminator('\0').zip(ROLES.iter().copied())
}

/// Every label phrase and every first word of one, to the longest phrase starting
/// with it and its own role as a whole label: one map for both questions.
fn table() -> &'static crate::dictionaries::PhraseSet {
    static TABLE: OnceLock<crate::dictionaries::PhraseSet> = OnceLock::new();
    TABLE.get_or_init(|| crate::dictionaries::PhraseSet::new(labels()))
}

/// The role of an exact label phrase (lower case, words separated by one space).
pub(crate) fn phrase_role(phrase: &str) -> Option<Role> {
    table().start(phrase).1
}

/// How many words the longest label starting with `word` has (0: none),
/// and `word`'s own role as a one-word label: one lookup for a label's
/// first word.
pub(crate) fn label_start(word: &str) -> (usize, Option<Role>) {
    table().start(word)
}

/// Splits a column, key or field name into lower-case words:
/// `patientLastName` -> `patient last name`, `DOB_1` -> `dob`,
/// `Address Line 1` -> `address line`.
pub(crate) fn normalize_field(name: &str) -> String {
    if name.is_ascii() {
        return normalize_ascii(name.as_bytes());
    }
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if c.is_alphabetic() {
            let boundary = match prev {
                Some(p) => !p.is_alphabetic() || (c.is_uppercase() && p.is_lowercase()),
                None => false,
            };
            if boundary && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        prev = Some(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`normalize_field`] for an ASCII name, a byte at a time.
fn normalize_ascii(name: &[u8]) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev: Option<u8> = None;
    for &c in name {
        let open = !out.is_empty() && !out.ends_with(' ');
        if c.is_ascii_alphabetic() {
            let boundary = prev.is_some_and(|p| !p.is_ascii_alphabetic() || (c.is_ascii_uppercase() && p.is_ascii_lowercase()));
            if boundary && open {
                out.push(' ');
            }
            out.push(c.to_ascii_lowercase() as char);
        } else if open {
            out.push(' ');
        }
        prev = Some(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether a label word names the patient as the field's owner ("patient", "member").
pub(crate) fn patient_owner(word: &str) -> bool {
    owner(word) == Some(Role::PatientName)
}

/// Owner words that make a name-ish field a patient's or a staff member's.
fn owner(word: &str) -> Option<Role> {
    match word {
        "patient" | "pt" | "member" | "subscriber" | "insured" | "beneficiary" | "enrollee" | "client" | "resident" => {
            Some(Role::PatientName)
        }
        "guarantor" | "mother" | "father" | "spouse" | "parent" | "guardian" | "kin" | "emergency" | "contact" | "relative"
        | "nk1" | "caregiver" => Some(Role::RelativeName),
        "provider" | "physician" | "doctor" | "attending" | "referring" | "rendering" | "billing" | "ordering" | "prescriber"
        | "pcp" | "surgeon" | "nurse" | "clinician" | "practitioner" | "author" | "reporter" | "assignee" | "user" | "staff"
        | "employee" | "facility" | "payer" | "agent" | "reviewer" | "approver" | "owner" | "organization" | "hospital" => {
            Some(Role::Staff)
        }
        // A specification's own names: "ELEMENT NAME", "field name", "column".
        "element" | "field" | "column" | "attribute" | "property" | "parameter" | "segment" | "variable" | "file" | "table" | "component" => Some(Role::Tech),
        _ => None,
    }
}

/// A field of an organisation's own ("Office address", "Dept. account #", "establishment
/// license"): its contact details are an office's (dial-in role) and its account or licence
/// the organisation's (technical; not a visit's or a claim's number, "office visit"); other
/// roles stay. `label` is the field's name, lower case.
pub(crate) fn organisation_field(owner: &str, label: &str, role: Role) -> Role {
    const ORGANISATION: &[&str] = &["office", "agency", "department", "dept", "vendor", "supplier", "company", "corporate", "establishment", "business", "clinic", "practice"];
    // ("Our account #" on a vendor page; "our" address or phone may be a family's.)
    let ours = owner.eq_ignore_ascii_case("our") && matches!(role, Role::Account | Role::License);
    if !ours && !crate::text::one_of_ci(owner.as_bytes(), ORGANISATION) {
        return role;
    }
    match role {
        Role::Phone | Role::Email | Role::Address | Role::City | Role::Zip => Role::Dial,
        Role::Account | Role::License if ["account", "licen"].iter().any(|w| label.contains(w)) => Role::Tech,
        other => other,
    }
}

/// The role of a field or column name, or `None` when it says nothing.
pub(crate) fn field_role(name: &str) -> Option<Role> {
    // The same column and key names come back paste after paste: a small
    // direct-mapped cache per thread answers repeats (same result as below).
    const SLOTS: usize = 1024;
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<(Box<str>, Option<Role>)>> = std::cell::RefCell::new(vec![(Box::from(""), None); SLOTS]);
    }
    if name.len() < 2 || name.len() > 48 {
        return role_of_field(name);
    }
    let slot = crate::text::quick_hash(name.as_bytes()) & (SLOTS - 1);
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let entry = &mut cache[slot];
        if &*entry.0 != name {
            *entry = (Box::from(name), role_of_field(name));
        }
        entry.1
    })
}

/// A date column whose name says nothing of the date's kind (`Date`, `Last A1c Date`,
/// `Collected Dt`): a technical column's, unless its table's rows are patients, where it
/// is a date of each patient's care. (Named technical dates, `Due Date`, `Created`,
/// `Last Updated`, stay technical.)
pub(crate) fn plain_date_column(name: &str) -> bool {
    let norm = normalize_field(name);
    match norm.strip_suffix("date").or_else(|| norm.strip_suffix("dt")) {
        Some(head) => head.is_empty() || head.ends_with(' ') && phrase_role(&norm).is_none(),
        None => false,
    }
}

fn role_of_field(name: &str) -> Option<Role> {
    // "Subscriber #", "MR#": the sign means "number".
    let trimmed = name.trim_end_matches([' ', ':']);
    let hash;
    let name = if let Some(stem) = trimmed.strip_suffix('#') {
        hash = format!("{stem} number");
        hash.as_str()
    } else {
        name
    };
    let mut norm = normalize_field(name);
    if norm.is_empty() {
        return None;
    }
    // An aggregate's column ("Avg visits / member", "Number of members") names no one.
    if ["avg ", "average ", "mean ", "median ", "total ", "number of ", "count of "].iter().any(|p| norm.starts_with(p)) {
        return None;
    }
    // "Visit date/time", "Admit date time": the date's field.
    if let Some(stem) = norm.strip_suffix(" date time") {
        norm = format!("{stem} date");
    }
    let role = role_of_words(&norm);
    // A generic word ("date", "code"), an owner alone ("patient_ctrl_no") or a visit
    // ("visit_ts") says less than the abbreviation beside it.
    if role.is_some_and(|r| !matches!(r, Role::Tech | Role::Note | Role::PatientName | Role::RelativeName | Role::Staff | Role::Account)) {
        return role;
    }
    // Export abbreviations: clm_nbr, mbr_id, svc_dt, pat_fname, SVC DATE.
    if norm.split(' ').any(|w| expand_abbreviation(w) != w) {
        let expanded: Vec<&str> = norm.split(' ').map(expand_abbreviation).collect();
        role_of_words(&expanded.join(" ")).or(role)
    } else {
        role
    }
}

fn expand_abbreviation(w: &str) -> &str {
    match w {
        "nbr" | "num" | "nmbr" | "no" => "number",
        "mbr" | "memb" | "mem" => "member",
        "clm" => "claim",
        "dt" | "dte" => "date",
        "ts" | "tm" => "time",
        "svc" | "srv" | "serv" => "service",
        "proc" => "procedure",
        "eval" => "evaluation",
        "cert" => "certificate",
        "addr" | "adr" => "address",
        "ph" | "tel" | "phn" => "phone",
        "pat" | "ptnt" => "patient",
        "fname" | "fn" => "first name",
        "lname" | "ln" => "last name",
        "nm" | "nme" => "name",
        "bdate" | "bday" => "birth date",
        "subsc" | "sub" | "sbscr" | "subscr" | "sbscrbr" => "subscriber",
        "thru" | "through" => "to",
        "amt" => "amount",
        "pmt" => "payment",
        "dgns" | "diag" => "diagnosis",
        "cd" => "code",
        "acct" | "acc" => "account",
        "ins" => "insurance",
        "mi" => "middle initial",
        "ctrl" => "control",
        "disch" | "dsch" => "discharge",
        "enc" => "encounter",
        "adm" | "admit" | "admsn" => "admission",
        _ => w,
    }
}

fn role_of_words(norm: &str) -> Option<Role> {
    if let Some(r) = phrase_role(norm) {
        return Some(r);
    }
    // A field's name, not a paragraph (a cell holding a note, a line whose breaks were
    // lost): the words below are looked up at each space.
    if norm.len() > 120 {
        return None;
    }
    // "hosp_admsn_time", "death_time": a person's date with its time, not a log's timestamp.
    if let Some(head) = norm.strip_suffix(" time").or_else(|| norm.strip_suffix(" timestamp")) {
        // (The words before it name the date: "death" of "death date".)
        if let Some(r) = role_of_words(head).or_else(|| role_of_words(&format!("{head} date"))).filter(|r| matches!(r, Role::Dob | Role::PersonDate)) {
            return Some(r);
        }
    }
    // "contact_type", "name type": a category's code ('MOBILE', 'LEGAL'), not what it types.
    if norm.ends_with(" type") {
        return Some(Role::Tech);
    }
    // "DOB on order", "Name on tube": what the words before the preposition name
    // (not the order's or the tube's role).
    if let Some(head) = [" on ", " of ", " for ", " at "].iter().find_map(|p| norm.split_once(p)).and_then(|(head, _)| phrase_role(head)) {
        return Some(head);
    }
    // The field's subject ("patient", "provider") and what it holds ("name", "phone").
    let subject = norm.split(' ').find_map(owner);
    // Longest suffix, then longest prefix, that is a known label. `norm`
    // holds its words separated by single spaces, so a run of words is a
    // slice of it, cut at a space (no joining).
    let mut base = norm.match_indices(' ').find_map(|(sp, _)| phrase_role(&norm[sp + 1..]));
    // ("First"/"last" name a column alone, not beside other words: "Last Action", "First Seen".)
    let ordinal = |w: &&str| matches!(*w, "first" | "last");
    if base.is_none() {
        base = norm.rmatch_indices(' ').find_map(|(sp, _)| Some(&norm[..sp]).filter(|w| !ordinal(w)).and_then(phrase_role));
    }
    let base = base.or_else(|| norm.split(' ').filter(|w| !ordinal(w)).find_map(|w| phrase_role(w).filter(|r| !matches!(r, Role::Note | Role::Tech))));
    let base = base.map(|b| norm.split(' ').fold(b, |b, w| organisation_field(w, norm, b)));
    match (subject, base) {
        // (A payer's or a provider's number for a claim is the claim's: "payer_claim_control_no".)
        (Some(Role::Staff), Some(b)) if b.is_personal() && !matches!(b, Role::Dob | Role::Account) => {
            // provider_name, provider_phone, attending_email: staff data, not PHI.
            Some(if matches!(b, Role::Phone | Role::Email | Role::Address | Role::City | Role::Zip) { Role::Dial } else { Role::Staff })
        }
        (Some(Role::Staff), None) => Some(Role::Staff),
        (Some(Role::Tech), Some(Role::Name | Role::PatientName | Role::Note)) => Some(Role::Tech),
        (Some(owner @ (Role::PatientName | Role::RelativeName)), Some(Role::Name | Role::PatientName)) => Some(owner),
        (_, Some(b)) => Some(b),
        (Some(s), None) => Some(s),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_field_names() {
        assert_eq!(normalize_field("patientLastName"), "patient last name");
        assert_eq!(normalize_field("DOB_1"), "dob");
        assert_eq!(normalize_field("Address Line 1"), "address line");
        assert_eq!(normalize_field("member-id"), "member id");
        assert_eq!(normalize_field("PID"), "pid");
        assert_eq!(normalize_field("Date of Birth:"), "date of birth");
    }

    #[test]
    fn field_roles() {
        let cases = [
            ("last_name", Role::Name),
            ("PatientFirstName", Role::PatientName),
            ("patient_dob", Role::Dob),
            ("birthDate", Role::Dob),
            ("member_id", Role::MemberId),
            ("SubscriberID", Role::MemberId),
            ("zip5", Role::Zip),
            ("postalCode", Role::Zip),
            ("home_phone", Role::Phone),
            ("provider_name", Role::Staff),
            ("rendering_npi", Role::Npi),
            ("attending_phone", Role::Dial),
            ("icd10_code", Role::Diagnosis),
            ("dos", Role::PersonDate),
            ("service_date", Role::PersonDate),
            ("emergency_contact_name", Role::RelativeName),
            ("mrn", Role::Mrn),
            ("claim_id", Role::Account),
            ("billed_amount", Role::Tech),
            ("ssn", Role::Ssn),
            ("addr_line1", Role::Address),
            ("Subscriber #", Role::MemberId),
            ("clm_nbr", Role::Account),
            ("mbr_id", Role::MemberId),
            ("SVC DATE", Role::PersonDate),
            ("ADM DATE", Role::PersonDate),
            ("LAST_NM", Role::Name),
            ("Last", Role::Name),
        ];
        for (name, role) in cases {
            assert_eq!(field_role(name), Some(role), "{name}");
        }
        assert_eq!(field_role("severity_level_xyz"), Some(Role::Tech));
        assert_eq!(field_role("contact_type"), Some(Role::Tech));
        assert_eq!(field_role("foo_bar"), None);
        // "First" and "last" are names alone, not beside another word.
        assert_eq!(field_role("Last Action"), None);
        assert_eq!(field_role("First Seen"), None);
    }

    #[test]
    fn the_cache_gives_the_uncached_roles() {
        // Twice over every label and a few column names: first filling the cache, then from it
        // (slots are shared, so names also evict one another).
        let names: Vec<&str> = LABELS.iter().map(|(p, _)| *p).chain(["PatientFirstName", "MemberID", "clm_nbr", "Subscriber #", "foo_bar", "DISCH_DT"]).collect();
        for _ in 0..2 {
            for name in &names {
                assert_eq!(field_role(name), role_of_field(name), "{name}");
            }
        }
    }

    #[test]
    fn labels_are_unique_and_normalized() {
        assert!(labels().eq(LABELS.iter().copied()), "the packed labels are the table");
        let mut seen = std::collections::HashSet::new();
        for &(phrase, _) in LABELS {
            assert!(seen.insert(phrase), "duplicate label {phrase}");
            // HL7 field names ("pid 7") are prose labels only: a column name drops its digits.
            if !phrase.starts_with("pid ") {
                assert_eq!(normalize_field(phrase), phrase, "label not normalized: {phrase}");
            }
        }
    }
}
