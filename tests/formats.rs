//! Structured text as people paste it: a value in a field that means PHI is
//! PHI, and the structure around it (headers, column lists, call chains) is not.

use phi_guard::{Kind, Policy, Report, Scanner, Verdict};

fn scan(text: &str) -> phi_guard::Report {
    Scanner::new(Policy::default()).expect("default policy").scan_text(text)
}

/// The matched texts of one kind.
fn found(text: &str, kind: Kind) -> Vec<String> {
    scan(text).findings.iter().filter(|f| f.kind == kind).map(|f| text[f.start..f.end].to_string()).collect()
}

fn covers(text: &str, needle: &str) -> bool {
    covered(&scan(text), text, needle)
}

fn covered(report: &Report, text: &str, needle: &str) -> bool {
    let at = text.find(needle).expect("needle in text");
    report.findings.iter().any(|f| f.start <= at && at + needle.len() <= f.end)
}

/// Every part is inside a reported finding (one scan for all of them).
fn assert_reported(text: &str, parts: &[&str]) {
    let report = scan(text);
    for part in parts {
        assert!(covered(&report, text, part), "{part} not reported");
    }
}

/// The verdict on `text` is allow (the findings are shown when it is not).
fn assert_allowed(text: &str) {
    let report = scan(text);
    assert_eq!(report.verdict, Verdict::Allow, "{text}: {:?}", report.findings);
}

#[test]
fn hl7_segments_without_their_msh() {
    let text = "Relevant segment:\nPID|1||2416033^^^SMRMC^MR||SULLIVAN^PAULA||19420607|F|||2600 MAGNOLIA TRAIL^^ST. LOUIS^MO^63148^USA^H||(314)691-0343\n";
    assert_reported(text, &["2416033", "SULLIVAN", "PAULA", "19420607", "2600 MAGNOLIA TRAIL", "63148", "(314)691-0343"]);
    assert_ne!(scan(text).verdict, Verdict::Allow);
}

#[test]
fn insurer_contact_in_in1_is_not_the_patient() {
    let text = "MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5\rPID|1||418263^^^H^MR||DOE^ALICE||19700101\rIN1|1|UHC-PPO|58266|MOLINA HEALTHCARE|PO BOX 22^^LONG BEACH^CA^90801|(956)999-5751|GRP67631\r";
    assert!(!covers(text, "(956)999-5751"));
    assert!(covers(text, "418263"));
}

#[test]
fn sql_column_lists_are_not_values() {
    let text = "INSERT INTO encounters (encounter_id, patient_id, admit_dt, primary_dx)\n  VALUES (300715, 90421, '2023-10-01', 'D64.9');\nINSERT INTO encounters (encounter_id, patient_id, admit_dt, primary_dx)\n  VALUES (442853, 90422, '2023-12-04', 'G40.909');\n";
    let r = scan(text);
    for f in &r.findings {
        let v = &text[f.start..f.end];
        assert!(!v.contains("primary_dx") && !v.contains("patient_id"), "column name reported: {v}");
    }
    assert!(covers(text, "2023-10-01"));
}

#[test]
fn wiki_table_with_a_patient_column() {
    let text = "||Control ID||Event||Patient||Error||\n|1947030545|A04|Sullivan, Paula (2416033)|PV1-3 unknown location|\n";
    assert_eq!(found(text, Kind::PersonName), vec!["Sullivan, Paula".to_string()]);
}

#[test]
fn fhir_fixture_built_in_code() {
    let text = r#"+        Patient patient = new Patient();
+        patient.addIdentifier().setSystem("http://acme.org/mrn").setValue("E2610750");
+        patient.addName().setFamily("Sanchez").addGiven("Shannon");
+        patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue("+1 515 357 2329");
+        patient.addAddress().addLine("6382 Park Pkwy").setCity("Des Moines").setState("IA").setPostalCode("50311");
+        patient.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("148-37-8303");
"#;
    assert_reported(text, &["E2610750", "Sanchez", "Shannon", "+1 515 357 2329", "6382 Park Pkwy", "50311", "148-37-8303"]);
    assert_eq!(found(text, Kind::Ssn), vec!["148-37-8303".to_string()]);
    // A patient's relative built in code beside the patient's reference.
    let text = r#"+        RelatedPerson rp = new RelatedPerson();
+        rp.setPatient(new Reference("Patient/71471f53-491b-4b0c-a1cf-e13e25ad1b9e"));
+        rp.addName().setFamily("Černý").addGiven("Přemysl");
+        rp.addTelecom().setSystem(PHONE).setValue("(804) 898-9818");
"#;
    assert_reported(text, &["Černý", "Přemysl", "(804) 898-9818"]);
    // An identifier built alone under an organisation's system: a record number
    // (the assertion's test value is not one).
    let text = r#"+    Identifier id = new Identifier().setSystem("urn:oid:2.16.840.1.113883.3.4569.1").setValue("E7958292");
+    assertThat(matcher.match(id)).isPresent();
     assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("T000123");
"#;
    assert_eq!(found(text, Kind::Mrn), vec!["E7958292".to_string()]);
}

#[test]
fn call_chains_after_wide_characters() {
    // The chain's 160-byte look-back starts inside a three-byte character at some offset:
    // it must start at a character, and the value is still found.
    for pad in 100..130 {
        let text = format!("ლ{} p.addIdentifier().setSystem(\"urn:mrn\").setValue(\"E2610750\");\n", "y".repeat(pad));
        assert!(covers(&text, "E2610750"), "pad {pad}");
    }
}

#[test]
fn validator_tests_are_not_fixtures() {
    let text = "+    assertTrue(validator.isValid(\"536-22-8471\"));\n+    assertFalse(SsnValidator.validate(\"000-12-3456\"));\n+    Patient p = findPatient(\"E2610750\");\n";
    assert_allowed(text);
    // A format's degenerate vector, a processor's declined test card, a FHIR server's
    // resource URL in a validator's log: none is a person's.
    assert_allowed("+VALID_EXAMPLES = ['1EG4-TE5-MK73', '1EG4TE5MK73', '1AA0-AA0-AA00']\n");
    assert_allowed("DEBUG GatewayClient - POST https://sandbox.payments.example.com/v2/charges card=4000 0000 0000 0002 amount=100 -> 402 card_declined\n");
    assert_allowed("ERROR [validator] https://fhir.example.org/r4/Patient/3ab7fbe6-c693-4ee8-8f38-3e80233d56bb/_history/4: Patient.birthDate: invalid date\n");
}

#[test]
fn labels_are_not_names_after_a_cue() {
    let text = "Member ID: XJH123456789\nPatient Portal: enabled\n";
    assert!(found(text, Kind::PersonName).is_empty());
}

#[test]
fn prose_is_not_code() {
    // "new", "let", "if (" in a patient's message do not make it source code.
    let text = "This is Maurizio Gatto, my date of birth is 08/15/2007. I need my records for a new specialist. Member number 326943522C. Let me know if (901) 234-5619 works.";
    assert_reported(text, &["Maurizio Gatto", "08/15/2007", "326943522C", "(901) 234-5619"]);
    // Nor does code quoted in backticks: the rest of the line is still prose.
    let text = "Registry channel filter `pv1_45_present && pid_30 != 'Y'` — wrong operator. The patient (Hüseyin Kılıç, 99 y/o, died 11/20/2026) is still on the census.\n";
    assert_reported(text, &["Hüseyin Kılıç", "99", "11/20/2026"]);
}

#[test]
fn chat_answers_take_the_question_s_label() {
    let text = "[08:35] Agent Chris: Can I have your full name?\n[08:38] Visitor: Hannah Butler\n[08:41] Agent Chris: And your date of birth?\n[08:41] Visitor: February 18, 1966\n[08:42] Agent Chris: What is the member ID on your card?\n[08:45] Visitor: 826091857C\n";
    assert_reported(text, &["Hannah Butler", "February 18, 1966", "826091857C"]);
    assert_eq!(found(text, Kind::PersonName), vec!["Hannah Butler".to_string()]);
    // One answer to both, typed in lower case: the name and the birth date.
    let text = "[20:03:57] Amit Tiwari: hi! i can help. can you confirm full name and date of birth?\n[20:04:08] visitor: mālie akana 5/14/1953\n";
    assert_reported(text, &["mālie akana", "5/14/1953"]);
    // (Not an answer without its date: "yes that is right".)
    assert!(found(&text.replace("mālie akana 5/14/1953", "yes that is right"), Kind::PersonName).is_empty());
}

#[test]
fn an_id_label_takes_the_code_not_the_sentence() {
    let text = "Claim # L02372993546 for member Stevenson, Justin (EVB70363530201, D.O.B. 02/08/1927) was denied.";
    assert_reported(text, &["L02372993546", "Stevenson, Justin", "02/08/1927"]);
    // A second number after a slash is the record's too; words after one are not.
    let text = "Pt Name: Ann Lee\nMed Rec No.: 81534492 / 4793649800\n";
    assert_reported(text, &["81534492", "4793649800"]);
    assert_eq!(found(&text.replace("4793649800", "see chart"), Kind::AccountNumber), Vec::<String>::new());
}

#[test]
fn forms_with_dot_leaders_and_compound_labels() {
    let text = "Member name........... HARRISON, DEBRA\nDate of birth......... 1975-06-13\nPlan member no........ DWW31944576004\n";
    assert_reported(text, &["HARRISON, DEBRA", "1975-06-13", "DWW31944576004"]);
    let text = "Name / Date of birth / Record no.: CASA GRANDE, ANTONELLA / 11/30/1927 / 00385980\n";
    assert_reported(text, &["CASA GRANDE, ANTONELLA", "11/30/1927", "00385980"]);
}

#[test]
fn a_message_from_a_personal_mailbox_is_the_patient_s() {
    let text = "Subject: Re: claim\nFrom: jonathanj@icloud.com\nTo: frontdesk@stmarys.org\n\nWhy was this denied??\n\n--\nJonathan Johnson\n4433 Madison Ave. Suite 1059\nSt. Louis, MO 63164\nm: (314)588-6742\n";
    assert_reported(text, &["jonathanj@icloud.com", "4433 Madison Ave", "63164", "(314)588-6742"]);
    // The same signature from staff at an organisation's mailbox is not PHI.
    let staff = "From: Patricia Magana <pmagana@stjoseph.org>\nTo: support@vendor.com\n\nThe HL7 feed is down again.\n\nRegards,\nPatricia Magana\n";
    assert_allowed(staff);
    // A patient portal's message pasted under its introduction: its sender, with no address, is
    // the patient; the nurse's reply is staff's.
    let portal = "MyChart message (copied into the ticket by the nurse):\n\nFrom: Onyango Wekesa\nTo: Cardiology Clinic Pool\nSubject: question about my Troponin I\n\nShould I be worried? Blood was drawn on 8/14/2026.\n\nFrom: Zhiqiang Zhao, RN\n\nHello Onyango, we'd like to repeat it in 2 weeks.\n";
    assert_reported(portal, &["Onyango Wekesa"]);
    assert!(!covers(portal, "Zhiqiang Zhao"));
    // (Not a staff message after a line that merely mentions the portal.)
    assert!(!covers("Sending via secure message portal instead.\n\n--- outbound email ---\nFrom: Kehinde Ogunbiyi   12/08/2026 07:29 AM\nHi Hadas, I sent page 3.\n", "Kehinde"));
}

#[test]
fn fixed_width_rows_whose_values_overflow_their_columns() {
    // The second row's name and address are wider than their columns: the
    // rest of the row moves right, with single spaces between some values.
    let text = "\
CLAIM NO      MEMBER ID     PATIENT NAME          DOB         SVC DATE    ADDRESS                  CITY         ZIP    PHONE
C1234567890   XEW079280095  Smith, John           04/02/1961  05/13/2023  12 Main St               Boston       02134  617-734-2291
2023682291973 VWL98376006104 Badillo Palacios, Perla Maria 12/18/1952 05/23/2023 16358 E Meadow Ave. Unit 36 Sioux Falls 57170 (605) 292-4087
C2169579493   H45208435     Nguyễn, Minh          04/22/1936  09/03/2023  9 Elm Rd                 Spokane      99201  509-555-0192
";
    assert_reported(text, &["VWL98376006104", "Badillo Palacios, Perla Maria", "12/18/1952", "05/23/2023", "16358 E Meadow Ave. Unit 36", "Sioux Falls", "57170", "(605) 292-4087", "04/22/1936", "09/03/2023"]);
}

#[test]
fn fixed_width_rows_that_drifted_left_of_their_columns() {
    // Every value after the name starts a few characters left of its
    // heading; a note between the rows is no row.
    let text = "\
STATE     MEMBER NAME              ACCOUNT #      ADM DATE      SUBSCRIBER ID      BILLED    EDITS
PAID      OKONKWO, CHIDI           7720135566  02/11/2026  QRT5513209871    1475.20  N4:12
DENIED    HALVORSEN, INGRID        5530218871  09/03/2026  MKB663018245     302.75  A1:19
          Note: member called 10/02/2026 about the denial
";
    assert_reported(text, &["OKONKWO, CHIDI", "7720135566", "02/11/2026", "QRT5513209871", "HALVORSEN, INGRID", "5530218871", "09/03/2026", "MKB663018245"]);
    assert!(!covers(text, "1475.20") && !covers(text, "302.75") && !covers(text, "Note"));
}

#[test]
fn columns_that_hold_no_names() {
    // "Last Action" is what was last done, not a last name.
    let text = "Acct\tPatient\tDOB\tLast Action\tOwner\nHB40221187\tMORENO, LUCIA\t02/14/1931\tAppeal mailed\tJ. Park\n";
    assert_reported(text, &["MORENO, LUCIA", "02/14/1931"]);
    assert!(!covers(text, "Appeal mailed"));
    // A modifier before the date of service is a code, not the patient's name.
    let text = "claim_no|member_id|patient|dob|hcpcs|modifier|dos\nE2210934471|KM55012390|Lindqvist, Maja|03/22/1949|E0431|RR|09/14/2026\n";
    assert_reported(text, &["Lindqvist, Maja", "03/22/1949"]);
    assert!(!covers(text, "RR"));
}

#[test]
fn a_flat_file_record_is_no_header() {
    // The record's cells are not column names: the segment ids of the lines below are not the subscriber's name.
    let text = "HDR|ACME|20260301|0915|00501|P\nSUB|44820177310|LINDQVIST|MAJA|19490322|F|880 E Harbor Rd|Duluth|MN|55802-1144\nCLM|CLM55210938|412.10|11:B:1|Y|A\nDX|ABK:I10\nTRL|4\n";
    assert_reported(text, &["LINDQVIST", "MAJA", "19490322"]);
    assert!(!covers(text, "CLM") && !covers(text, "DX") && !covers(text, "TRL"));
}

#[test]
fn work_links_bridges_and_roles_beside_a_patient_are_not_hers() {
    let text = "\
Key: INT-3307   URL: https://jira.stpaulhealth.org/browse/INT-3307
Patient: Rosa Whitfield   DOB 04/19/1951   MRN E5521904
Portal link: https://mychart.stpaulhealth.org/p/5521904/results
Request from daughter (POA) to send the records.
Huddle bridge: +1 646-931-2205, passcode 448120#
Callback: 312-845-7791
";
    assert_reported(text, &["Rosa Whitfield", "04/19/1951", "E5521904", "https://mychart.stpaulhealth.org/p/5521904/results", "312-845-7791"]);
    // A ticket's link, a relative's role and a conference bridge are not the patient's.
    assert!(!covers(text, "https://jira") && !covers(text, "POA") && !covers(text, "646-931-2205"));
}

#[test]
fn a_claim_s_database_key_is_not_its_number() {
    let text = "INSERT INTO claim (claim_id, claim_number, member_id, patient_name, patient_dob) VALUES (48213, 'CLM771203948812', 'XQB55203917', 'ORTEGA, LUIS', '1950-02-11');\nINSERT INTO claim_line (claim_id, line_no, cpt, charge) VALUES (48213, 1, '99213', 120.00);\n";
    assert_reported(text, &["CLM771203948812", "XQB55203917", "ORTEGA, LUIS", "1950-02-11"]);
    assert!(!covers(text, "48213"));
}

#[test]
fn a_partner_directory_s_contacts_are_staff() {
    let text = "| Partner | Connection | Endpoint | Contact | Phone | Email |\n|---|---|---|---|---|---|\n| Reference lab | MLLP/TLS | 10.167.193.67:5965 | Lusine Grigoryan | 971-354-9818 | lusine.grigoryan@reflab.com |\n| Clearinghouse | SFTP | 10.254.198.15:8375 | Faadumo Farah | 915-332-4298 | ffarah@clearhouse.net |\n";
    assert_allowed(text);
}

#[test]
fn labels_with_remarks_signs_and_number_words() {
    let text = "\
Melnyk, Yaroslav   DOB 1/11/18   MRN 009458709   Visit 08/08/2026
MRN (if known): E5770691 — she was registered twice in the ED on the same night, see the merge ticket
Rx #: 6667701
ME case number: ME-2026-68238
Transfer date: 10/15/2026
Visit date/time: 10/28/2026 12:40 PM
Home hub IMEI 875618405743429
Next of kin Mihaela Țăranu notified by phone.
Rx # at pharmacy: 6667701
";
    let r = scan(text);
    for part in ["Melnyk, Yaroslav", "1/11/18", "009458709", "E5770691", "6667701", "ME-2026-68238", "10/15/2026", "10/28/2026 12:40 PM", "875618405743429", "Mihaela Țăranu", "6667701"] {
        assert!(covered(&r, text, part), "{part} not reported");
    }
    // A visit's date is a date, not the visit's number.
    let at = text.find("08/08/2026").unwrap();
    assert!(r.findings.iter().any(|f| f.start == at && f.kind == Kind::Date && f.score >= 0.8), "{:?}", r.findings);
}

#[test]
fn photos_of_a_patient_by_file_name() {
    let text = "From: Kofi Boateng <kofi.boateng@gmail.com>\nSubject: rash\n\nDOB 02/11/1958. Attaching photos of the rash like you asked (IMG_9922.HEIC, wound_left_arm.jpg) and a screenshot of the portal error (screenshot_2026-11-03.png).\n";
    assert_reported(text, &["IMG_9922.HEIC", "wound_left_arm.jpg"]);
    assert!(!covers(text, "screenshot_2026-11-03.png"));
    // Without a patient, a camera's file name is nobody's.
    assert_allowed("Release 4.2: the uploader now keeps EXIF rotation (tested with IMG_1234.JPG and PXL_20261103_142210.jpg).\n");
}

#[test]
fn a_payer_s_claim_number_is_the_claim_s() {
    let text = "payer_claim_control_no,patient_acct,patient_name,member_id\n41795094637613,A66167696,\"ADEYEMI, FOLA\",MBR12327526\n";
    assert_reported(text, &["41795094637613", "A66167696", "ADEYEMI, FOLA", "MBR12327526"]);
}

#[test]
fn staff_directories_meetings_and_dotted_labels() {
    // A department directory without a header: extensions are staff's.
    assert_allowed("Admitting                    Björn Halvorsen  ext 5645  fax 312-487-6900\nLab client services          Aaliyah Jefferson  ext 7571  fax 617-359-9715\n");
    // Milliseconds are no honorific; a meeting's id is no phone; a range is no serial number.
    assert_allowed("ADT volume: 145k messages/day, p95 latency 390 ms. Rhapsody 6.25.2 patch scheduled 12/04.\nDial-in: (888) 372-6420, passcode 622134#  |  Meeting ID 636 355 7377\n");
    assert_allowed("+    \"\"\"Area 001-899 except 666, group 01-99, serial 0001-9999.\"\"\"\n");
    // "D.O.B." is a birth date's label.
    let text = "From: Parisa Karimi\nD.O.B. 02.10.1992   Tel +1 915 546 1783\nI requested a refill of my apixaban.\n";
    assert_eq!(found(text, Kind::Date), ["02.10.1992"]);
    assert_ne!(scan(text).verdict, Verdict::Allow);
}

#[test]
fn business_lines_comment_times_model_years_and_relationships() {
    let text = "Patient: Maria Gonzalez DOB 03/14/1962\n**Wei Zhang** commented on Sep 28, 2026 22:01:\nPayer (Aetna, provider services 1-800-872-3862) confirmed.\nVehicle: 2016 Ford F-150, plate 7ABC123\nOn Mon, Nov 30, 2026 at 2:55 AM Mei Liu <mliu93@icloud.com> wrote:\n";
    assert_reported(text, &["Maria Gonzalez", "03/14/1962", "7ABC123"]);
    // A toll-free line, a comment's and a quoted message's times, a model year are nobody's.
    assert!(!covers(text, "1-800-872-3862") && !covers(text, "Sep 28, 2026") && !covers(text, "Nov 30, 2026") && !covers(text, "2016"));
    // A contact's relationship is not their name.
    let sql = "INSERT INTO residents (name, dob, nok_name, nok_relation) VALUES ('Jairo Ospina', '12/12/1926', 'Hernán Ospina', 'husband');\n";
    assert_reported(sql, &["Jairo Ospina", "12/12/1926", "Hernán Ospina"]);
    assert!(!covers(sql, "husband"));
}

#[test]
fn sql_insert_select_and_where_literals() {
    let text = "UPDATE patient_contacts SET relationship = 'son'\n WHERE patient_id = (SELECT id FROM patients WHERE mrn = '00172970')\n   AND contact_name = 'Sarah Rodriguez';\nINSERT INTO patient_contacts (patient_id, contact_name, relationship, phone) SELECT id, 'Eric Leonard', 'brother', '2122190853' FROM patients WHERE mrn = '8312642407';\nINSERT INTO encounters (encounter_id, patient_id, admit_dt) VALUES (430380, 83808, '2023-03-20 22:50:00');\n";
    assert_reported(text, &["00172970", "Sarah Rodriguez", "Eric Leonard", "2122190853", "8312642407", "2023-03-20 22:50:00"]);
    assert!(!covers(text, "brother"));
}

#[test]
fn log_key_value_pairs_take_their_key_s_role() {
    let text = "Mar  5 01:19:06 hl7-eng-01 java[4744]: ERROR Patient lookup failed for MRN=2390114 facility=SHMC\nMar  5 01:19:23 intg-prod-02 java[15660]: ERROR Duplicate candidate: name=COX, TROY dob=1932-06-07 score=0.80\n";
    assert_reported(text, &["2390114", "COX, TROY", "1932-06-07"]);
    assert!(!covers(text, "SHMC") && !covers(text, "0.80"));
}

#[test]
fn a_udi_after_a_serial_number_label() {
    let text = "Procedure: Implantation of insulin pump, serial number (01)00327737170068(17)261231(21)HJ905727. No complications.\nPatient: Maria Gonzalez, DOB 03/14/1962\n";
    assert_eq!(found(text, Kind::DeviceId), vec!["(01)00327737170068(17)261231(21)HJ905727".to_string()]);
    // A serial or a UDI is a patient's device's beside a patient or in clinical text; a
    // switch's in a CMDB log or a network inventory, or a parser's test input, is not.
    assert_allowed("com.riverbend.cmdb.DuplicateCiException: serial FCW2855A640 already bound to asset b00421bc-e29c-473c-9376-534b555045b3\n");
    assert_allowed("||Host||Model||Serial||Mgmt IP||\n|idf-a00|FortiGate 600F|FGT2088L864|10.20.30.41|\n|dist-b01|C9300-48P|FOC2324R340|10.20.30.42|\n");
    assert_allowed("+    u = parse_udi(\"(01)00643169007222(17)141120(10)7654321D(21)10987654d321\")\n");
    // `s/n`, as a device clinic writes it for leads and monitors.
    let text = "HAILE, BEREKET   MRN: 23075666   DOB: 06/01/1963\nLeads: RA 5076-52 s/n PJN7985865, RV 3830 SelectSecure s/n LFF137558\nHome monitor paired (S/N: LAT9223883).\n";
    assert_eq!(found(text, Kind::DeviceId), vec!["PJN7985865".to_string(), "LFF137558".to_string(), "LAT9223883".to_string()]);
    // Nor do `s/p`, `w/o`, `c/o` start labels.
    assert_allowed("Build 4.12 w/o cache; s/p deploy 20240315; see c/o 4471 notes\n");
}

#[test]
fn an_id_label_ends_at_its_code_when_a_clause_follows() {
    let text = "MRN: 00412345, lives with daughter Đặng Thị Mai.";
    assert_reported(text, &["00412345", "Đặng Thị Mai"]);
}

#[test]
fn fhir_patient_as_xml_in_a_diff() {
    let text = "+++ b/test/fixtures/Patient-7.xml\n@@ -0,0 +1,9 @@\n+<Patient xmlns=\"http://hl7.org/fhir\">\n+  <id value=\"636666\"/>\n+  <identifier><system value=\"urn:oid:1.2.36.146.595.217.0.1\"/><value value=\"608982\"/></identifier>\n+  <name><family value=\"Okafor\"/><given value=\"Adaeze\"/></name>\n+  <telecom><system value=\"phone\"/><value value=\"4065197185 Ext. 915\"/></telecom>\n+  <telecom><system value=\"email\"/><value value=\"ada.okafor@example.net\"/></telecom>\n+  <birthDate value=\"2008-10-03\"/>\n+  <address><line value=\"19967 South Kedzie Way\"/><city value=\"Billings\"/><postalCode value=\"59137\"/></address>\n+  <contact><name><text value=\"Emeka Okafor\"/></name></contact>\n+</Patient>\n";
    let r = scan(text);
    assert_reported(text, &["608982", "Okafor", "Adaeze", "4065197185 Ext. 915", "ada.okafor@example.net", "2008-10-03", "19967 South Kedzie Way", "Billings", "59137", "Emeka Okafor"]);
    let source = |needle: &str| {
        let at = text.find(needle).unwrap();
        r.findings.iter().find(|f| f.start == at).and_then(|f| f.source.clone())
    };
    assert_eq!(source("608982").as_deref(), Some("fhir:Patient.identifier.value"));
    assert_eq!(source("Emeka Okafor").as_deref(), Some("fhir:Patient.contact.name.text"));
    // The resource id and the system are not values.
    assert!(!covers(text, "636666") && !covers(text, "urn:oid"));
}

#[test]
fn fhir_patient_as_yaml_takes_identifier_and_telecom_by_system() {
    let text = "+- resourceType: Patient\n+  identifier:\n+    - system: urn:mrn\n+      value: \"1640713059\"\n+  name:\n+    - family: כהן\n+      given: [חנה]\n+  birthDate: 1949-05-09\n+  telecom:\n+    - system: phone\n+      value: \"+19129851877 ext. 6751\"\n";
    assert_reported(text, &["1640713059", "כהן", "חנה", "1949-05-09", "+19129851877 ext. 6751"]);
    assert_eq!(found(text, Kind::Mrn), vec!["1640713059".to_string()]);
}

#[test]
fn an_id_label_inside_a_line() {
    // After a name, a dash or a date: the label needs no line start when a code follows it.
    let text = "Outreach list\n* Mrs. González (23 March 2014) — Chart # 00214392\n* David Grechko (22 October 2006) — Hospital no. YI69906749\n* Patient: 김영일 MR# E718356036\n";
    assert_eq!(found(text, Kind::Mrn), vec!["00214392".to_string(), "YI69906749".to_string(), "E718356036".to_string()]);
    // An honorific is a name cue even on a line of capitalised words.
    assert!(covers(text, "González"));
    // A label word in a sentence is still not a label.
    assert!(found("We reviewed the chart # format with the vendor.", Kind::Mrn).is_empty());
}

#[test]
fn a_url_with_a_record_id_is_reported_whole() {
    let text = "Patient DOB 03/14/1962. Referrer: https://mychart.example.org/PatientChart.aspx?mrn=795959874&enc=734064500\n";
    let url = "https://mychart.example.org/PatientChart.aspx?mrn=795959874&enc=734064500";
    assert_eq!(found(text, Kind::Url), vec![url.to_string()]);
}

#[test]
fn a_sender_followed_by_a_record_number_is_the_patient() {
    let text = "From: Justyna A. Tatarek (Medical Record # E158744544)\nTo: Elizabeth Smith, NP's care team\nSubject: Medication question\n";
    assert_eq!(found(text, Kind::PersonName), vec!["Justyna A. Tatarek".to_string()]);
}

#[test]
fn a_wiki_key_value_table_under_an_item_value_header() {
    let text = "Readmitted within 30 days.\n||Item||Value||\n|MRN|E729107974|\n|Attending|Wesley Garcia, MD|\n";
    assert_eq!(found(text, Kind::Mrn), vec!["E729107974".to_string()]);
    assert!(found(text, Kind::PersonName).is_empty(), "the attending is staff");
    // A Markdown table's header row stays a header.
    let md = "| MRN | Notes |\n|---|---|\n| 00412345 | stable |\n";
    assert_eq!(found(md, Kind::Mrn), vec!["00412345".to_string()]);
}

#[test]
fn an_id_in_parentheses_beside_a_patient_s_name() {
    // In a patient column, and after a cued name in prose.
    let table = "||Control ID||Event||Patient||Error||\n|1947030545|A04|Sullivan, Paula (2416033)|PV1-3 unknown location|\n";
    assert_eq!(found(table, Kind::Mrn), vec!["2416033".to_string()]);
    assert_eq!(found(table, Kind::PersonName), vec!["Sullivan, Paula".to_string()]);
    let prose = "Claim # W44739839694 for member Caitlin Hancock (H29240518, Date of Birth 11/26/1984) was denied.";
    assert_eq!(found(prose, Kind::HealthPlanId), vec!["H29240518".to_string()]);
    let is = "His member # is H56254019 with Highmark. He has diabetes.";
    assert_eq!(found(is, Kind::HealthPlanId), vec!["H56254019".to_string()]);
}

#[test]
fn hl7_area_code_and_number_are_both_the_phone() {
    let text = "PID|1||M4281119^^^SMRMC^MR||ANGEL^HAROLD||19491102|M|||3913 UNION PKWY^^LAS VEGAS^NV^89126^USA^H||^PRN^PH^^1^915^5258529|||\r";
    assert_reported(text, &["915", "5258529"]);
}

#[test]
fn names_followed_by_a_relationship_or_written_in_indic_scripts() {
    assert!(covers("Emergency contact: Jairaj Umang Mangat (husband) (509) 561-1090\nDOB: 03/14/1962", "Jairaj Umang Mangat"));
    let fhir = r#"{"resourceType": "Patient", "name": [{"family": "ताम्बे", "given": ["संजना"]}], "birthDate": "1970-01-02"}"#;
    assert_reported(fhir, &["ताम्बे", "संजना"]);
}

#[test]
fn hl7_field_names_and_run_together_headers_are_labels() {
    assert_eq!(found("Mar  5 ehr-app-3 java[12320]: ERROR PID-7 value '19320607' rejected by validator", Kind::Date), vec!["19320607".to_string()]);
    let csv = "CLAIMID|SUBSCRIBER_ID|MEMBER_NAME|BIRTH_DT\nIG115192444|W907030021|CHANG, ALEXANDER|19680115\n";
    assert_reported(csv, &["IG115192444", "W907030021", "CHANG, ALEXANDER", "19680115"]);
}

#[test]
fn a_cued_first_and_last_name_on_a_title_case_line() {
    for text in ["Patient Maria Gonzalez\nDOB 03/14/1962", "From: Michael Wood <michael02@att.net>\nTo: records@stmarys.org", "From: David Ramsey\nTo: Billy Boone <billyb@att.net>\nSubject: RE: Billing question"] {
        assert!(!found(text, Kind::PersonName).is_empty(), "{text}");
    }
    for heading in ["Release Notes - Patient Portal Improvements", "Patient Grace Period Rules", "Patient Safety Rounds Agenda"] {
        assert!(found(heading, Kind::PersonName).is_empty(), "{heading}");
    }
}

#[test]
fn page_bylines_and_patient_products_are_not_patient_details() {
    let text = "Created by Ann Lee, last modified by Bo Chan on Apr 21, 2024\n\n||Patient||DOB||MRN||\n|Sullivan, Paula|03/14/1962|2416033|\n\n{info}Source: athenaOne report run 2023-12-24.{info}\n";
    assert_eq!(found(text, Kind::Date), vec!["03/14/1962".to_string()]);
    let message = "Patient Portal message\nFrom: Châu Bùi (Med Rec No 982324)\nTo: Nidhi Rao's care team\n";
    assert_eq!(found(message, Kind::PersonName), vec!["Châu Bùi".to_string()]);
}

#[test]
fn a_patient_s_common_first_name_signs_the_message() {
    let text = "From: David Barnes (MRN 4088256)\nSubject: Test result question\n\nCall me at 213.895.8038 if easier.\n\nDavid\n";
    assert_eq!(found(text, Kind::PersonName), vec!["David Barnes".to_string(), "David".to_string()]);
    // Elsewhere the common word stays a word.
    let will = "Patient Will Barnes, DOB 03/14/1962.\nWill you call the pharmacy? It will help.";
    assert_eq!(found(will, Kind::PersonName), vec!["Will Barnes".to_string()]);
}

#[test]
fn a_field_name_in_a_sentence_labels_nothing() {
    let text = "Meeting notes 3/12 - Attendees: Sarah Chen, Tom Becker. Discussed the FHIR Patient resource mapping for birthDate and telecom. Next sync March 19, 2025.";
    assert_allowed(text);
}

#[test]
fn dicom_headers_pasted_as_text() {
    let dcmdump = "(0008,0020) DA [20250211]                              #   8, 1 StudyDate\n(0008,0090) PN [WELBY^MARCUS]                          #  12, 1 ReferringPhysicianName\n(0010,0010) PN [KIM^MINJUN]                            #  10, 1 PatientName\n(0010,0020) LO [H-2291045]                             #  10, 1 PatientID\n(0010,0030) DA [19790315]                              #   8, 1 PatientBirthDate\n";
    assert_reported(dcmdump, &["KIM^MINJUN", "H-2291045", "19790315", "20250211"]);
    assert!(!covers(dcmdump, "WELBY^MARCUS"), "the referring physician is staff");
    let pydicom = "(0010, 0010) Patient's Name                      PN: 'KIM^MINJUN'\n(0010, 0020) Patient ID                        LO: 'H-2291045'\n";
    assert_reported(pydicom, &["KIM^MINJUN", "H-2291045"]);
}

#[test]
fn first_and_last_columns_of_a_patient_export() {
    let csv = "member_id,last,first,dob,zip\nXKH882910331,Haddad,Rania,07/19/1985,02139\n";
    assert_reported(csv, &["Haddad", "Rania"]);
}

#[test]
fn examples_in_documentation_and_labels_in_test_code_are_not_records() {
    for clean in [
        "Reporter: Jennifer Walsh\nAssignee: Marcus Lee\n\nThe MRN field validator rejects values with a leading zero, e.g. MRN 0012345 fails while 12345 passes.",
        "Confluence page: HL7 ADT A08 mapping\nPID-3: patient identifier list (CX)\nPID-7: date/time of birth (TS), e.g. 19620314\nPID-13: home phone (XTN)",
        "diff --git a/tests/test_mrn.py b/tests/test_mrn.py\n+def test_mrn_format():\n+    assert parse_mrn('MRN: 00412345') == '00412345'\n+    assert parse_dob('DOB: 1962-03-14') == date(1962, 3, 14)",
    ] {
        assert_allowed(clean);
    }
}

#[test]
fn pronouns_are_not_names_and_free_text_fields_keep_patients() {
    let note = "Patient Maria Gonzalez, DOB 03/14/1962. She was admitted for DKA. He (her husband) visited.";
    assert_eq!(found(note, Kind::PersonName), vec!["Maria Gonzalez".to_string()]);
    let issue = "Issue: patient Thomas J. O'Malley (acct 400213377) shows as discharged but is still in bed 12B.";
    assert!(covers(issue, "Thomas J. O'Malley"));
    assert_eq!(found("MRN: 00412345\nBest callback: 617 734 2291.", Kind::Phone), vec!["617 734 2291".to_string()]);
}

#[test]
fn a_patient_table_dump_without_its_create_table() {
    let dump = "LOCK TABLES `member` WRITE;\nINSERT INTO `member` VALUES (57815,'W934179529','Whitaker, Harriet','1966-03-22','35807 Cedar Hollow Ave',NULL,'San Jose','CA','95118-4498');\nUNLOCK TABLES;\n";
    assert_reported(dump, &["Whitaker, Harriet", "1966-03-22"]);
}

#[test]
fn any_fhir_resource_as_xml() {
    let eob = "<ExplanationOfBenefit xmlns=\"http://hl7.org/fhir\">\n  <patient>\n    <reference value=\"Patient/3840416\"/>\n    <display value=\"Ngozi Adeyemi\"/>\n  </patient>\n  <billablePeriod><start value=\"2023-02-22\"/></billablePeriod>\n  <provider><display value=\"Donnchadh MacNamara, MD\"/></provider>\n</ExplanationOfBenefit>\n";
    assert_reported(eob, &["Ngozi Adeyemi", "2023-02-22"]);
    assert!(!covers(eob, "Donnchadh MacNamara"), "the provider is staff");
}

#[test]
fn a_date_range_or_an_address_in_parentheses_is_not_a_birth_date() {
    for clean in ["Sprint 79 Retrospective (Nov 12, 2024 – Nov 25, 2024)\nFacilitator: Jae-seok Choi", "TCP keepalive disabled on the new load balancer VIP (10.29.227.133:6661)."] {
        assert!(found(clean, Kind::PersonName).is_empty(), "{clean}");
    }
}

#[test]
fn fragments_and_forms_the_fresh_corpus_taught() {
    // A Patient's XML hunk without its root element.
    let hunk = "@@ -3,18 +3,34 @@\n   <name>\n-    <family value=\"Doe\"/>\n+    <family value=\"Lindqvist\"/>\n+    <given value=\"Þórður\"/>\n   </name>\n+  <birthDate value=\"1942-03-05\"/>\n";
    assert_reported(hunk, &["Lindqvist", "Þórður", "1942-03-05"]);
    // Form fields with "=", a relative named after the name, a subscriber's display name.
    assert_reported("Patient first name = Grzegorz\nPatient last name = Wiśniewski\nBirthdate (MM/DD/YYYY) = 05/11/1950\n", &["Grzegorz", "Wiśniewski"]);
    assert!(covers("Member ID A99724\nCaller: Dehua Chan, husband of member (HIPAA auth on file)\nDOB 03/14/1962", "Dehua Chan"));
    let coverage = r#"{"resourceType": "Coverage", "subscriber": { "display": "Zhiqiang Sun" }, "subscriberId": "5000202132"}"#;
    assert!(covers(coverage, "Zhiqiang Sun"));
}

#[test]
fn an_inline_id_label_takes_only_its_code() {
    let text = "* *Harriet Hargrove* (Chart # E2852844), 79 y/o — 46121 Oak Ridge Rd, Columbus, OH 43238-9643 — 728-597-8042\n";
    assert_eq!(found(text, Kind::Mrn), vec!["E2852844".to_string()]);
    assert_reported(text, &["728-597-8042", "46121 Oak Ridge Rd", "43238-9643"]);
}

#[test]
fn service_dates_in_hl7_fhir_and_pharmacy_exports() {
    let hl7 = "MSH|^~\\&|A|B|C|D|20250513||DFT^P03|1|P|2.5\rPID|1||418263^^^H^MR||DOE^ALICE||19700101\rFT1|2|||20250513||CG|27130^Total hip\r";
    let ft1 = hl7.rfind("20250513").unwrap();
    assert!(scan(hl7).findings.iter().any(|f| f.kind == Kind::Date && f.start == ft1), "FT1-4 not reported");
    let csv = "rx_claim_id,fill_date,member_id,ndc\n894775064939,20250803,XKH882910331,00088-2220-33\n";
    assert!(found(csv, Kind::Date).contains(&"20250803".to_string()));
}

#[test]
fn a_requester_at_a_personal_mailbox_is_the_patient_and_signs_the_ticket() {
    let text = "Ticket #496949 — Billing question\nRequester: Pádraig Breathnach <breathnach.family@protonmail.com>\nAssignee: Leroy Hargrove\n\nMy member ID is ZGP5761091622.\n\nThank you,\nPádraig\n";
    assert_reported(text, &["Pádraig Breathnach", "breathnach.family@protonmail.com", "ZGP5761091622"]);
    let sig = text.rfind("Pádraig").unwrap();
    assert!(scan(text).findings.iter().any(|f| f.start == sig), "signature not reported");
    assert!(!covers(text, "Leroy"));
    // Staff at a work address stay staff.
    let staff = "Requester: Leroy Hargrove <lhargrove@mercy-health.org>\nThe interface queue is stuck again.\n\nThanks,\nLeroy Hargrove\n";
    assert!(scan(staff).findings.is_empty());
}

#[test]
fn enrollment_and_pharmacy_columns() {
    let text = "SUBSCRIBER_ID\tREL\tLAST\tFIRST\tMI\tDOB\tADDR1\tADDR2\tCITY\tST\tZIP\n25479131301\tCHD\tGallagher\tSiobhán\tE\t20180218\t21834 Commonwealth Road\t#40\tFall River\tMA\t02701\n";
    assert_reported(text, &["Gallagher", "Siobhán", "#40", "Fall River"]);
    let initial = text.find("\tE\t").unwrap() + 1;
    assert!(scan(text).findings.iter().any(|f| f.start == initial && f.end == initial + 1), "middle initial not reported");
    let rx = "rx_claim_id,fill_date,cardholder_id,patient_name,patient_dob\n894775064939,20250803,490U40342J,\"SUN, JING\",19530605\n";
    assert_eq!(found(rx, Kind::HealthPlanId), ["490U40342J"]);
}

#[test]
fn numbered_labels_clauses_and_ages_in_a_patients_own_words() {
    let form = "Patient last name = Leung\nAddress = 40 Dudley Rd\nAddress line 2 = Unit 66\nTown/City = Columbus\naddress_2: #30\n";
    assert_reported(form, &["Unit 66", "Columbus", "#30"]);
    let letter = "My member ID is ZGP5761091622. The account number on the statement is HAR21376935. \
                  I attached a photo of my driver's license (no. S67117630). My mother is on 6 West. She is 95 and can't go home alone. \
                  Mi esposo, fecha de nacimiento 24 de abril de 1957.";
    assert_reported(letter, &["HAR21376935", "S67117630", "95", "24 de abril de 1957"]);
    assert_eq!(found("|| Bed || Patient || Age || MRN ||\n| 7E-23 | Núñez-Alvarado, Nicolás | 95/M | SLH1410783 |", Kind::AgeOver89), ["95/M"]);
    // Measures are not ages.
    assert!(found("Patient MRN 00412345. She is 95 kg and he is 92% compliant.", Kind::AgeOver89).is_empty());
}

#[test]
fn a_member_table_dumped_without_its_columns_is_read_by_the_values_shapes() {
    let text = "LOCK TABLES `member` WRITE;\nINSERT INTO `member` VALUES (57815,'W934179529','Whitaker, Harriet','1966-03-22','35807 Cedar Hollow Ave',NULL,'San Jose','CA','95118-4498','4448578050','2023-01-01'),(61172,'F25531879','Wang, Dehua','1988-12-19','547 W Centre Ln','Lot 31','Skokie','IL','60091','5675136439','2023-01-01');\n";
    assert_reported(text, &["W934179529", "Whitaker, Harriet", "San Jose", "95118-4498", "4448578050", "F25531879", "Wang, Dehua", "Lot 31", "Skokie", "60091"]);
    assert_eq!(found(text, Kind::HealthPlanId), ["W934179529", "F25531879"]);
    // The row's surrogate key and the state are not identifiers.
    assert!(!covers(text, "57815") && !covers(text, "'CA'"));
}

#[test]
fn hl7_name_repetitions_and_appointment_times() {
    let text = "MSH|^~\\&|EPIC|SMC|||202307250930||SIU^S12|1|P|2.5\nSCH|46183840|||||FU^Follow-up|TELE^Telehealth|OFFICE|60|MIN|^^60^202307251015\nPID|1||87123456^^^SMC^MR||MIZRAHI^SARAH~LEVI^SARAH~שרה מזרחי^^^^^^A||19330412|F\n";
    assert_reported(text, &["LEVI^SARAH", "שרה מזרחי", "202307251015"]);
}

#[test]
fn a_bold_name_before_its_chart_number_but_not_a_bold_holiday_before_its_date() {
    let list = "* *Harriet Hargrove* (Chart # E2852844), 79 y/o\n";
    assert_reported(list, &["Harriet Hargrove", "E2852844"]);
    let rota = "### Holiday coverage\n- **Christmas Eve** (12/24/2025): Yosef Shapira (day) / Eoin Byrne (night) — 222.988.3069\n";
    assert_allowed(rota);
}

#[test]
fn korean_given_names_and_names_in_their_own_script() {
    let text = "I am writing for my grandmother Ha-eun Yoon (윤하은), born 1947/07/11. Lives with his wife Soon-ja.\nPatient: Choi, Ji-hoon\n";
    assert_reported(text, &["Ha-eun Yoon", "윤하은", "Choi, Ji-hoon"]);
    // A follow-up is not a name.
    assert!(scan("Follow-up scheduled, see EHR-4821.").findings.is_empty());
}

#[test]
fn hl7_field_names_in_interface_logs() {
    let log = "2024-07-07 20:24:08,019 WARN  [pool-3-thread-7] PostingService: PID-18 FIN3105382 ignored (guarantor match wins)\n";
    assert_eq!(found(log, Kind::AccountNumber), ["FIN3105382"]);
}

#[test]
fn a_referral_letters_regarding_line_and_clinic_date() {
    let letter = "Dr. Oleksandr Krawczyk\nSummit Orthopedic Associates\n\nRe: Tunde Akínwùmí\nDate of birth: 5 March 1949\nSeen in clinic: 16 November 2025\n\nDear Dr. Krawczyk,\n";
    assert_reported(letter, &["Tunde Akínwùmí", "16 November 2025"]);
    // A reply's subject about someone's work is not about a patient.
    assert!(scan("Re: Kevin Walsh's demo of the interface engine\nLooks good.").findings.is_empty());
}

#[test]
fn specification_tables_and_codes_are_not_patients() {
    // An HL7 field table under a wiki header, a Markdown table of FHIR search parameters.
    let spec = "||SEQ||LEN||DT||OPT||ELEMENT NAME||\n|1|4|SI|O|Set ID - PID|\n|3|250|CX|R|Patient Identifier List|\n|5|250|XPN|R|Patient Name|\n|6|250|XPN|O|Mother's Maiden Name|\n\n* PID-3 must carry an assigning authority; we only accept type codes MR, PI and SS.\n";
    assert_allowed(spec);
    let md = "| Resource | Param | Type | Example |\n|---|---|---|---|\n| Patient | identifier | token | `GET /Patient?identifier=urn:oid:1.2.3|{mrn}` |\n| Encounter | date | date | `GET /Encounter?patient={id}` |\n| Observation | code | token | `GET /Observation?code=http://loinc.org|4548-4` |\n";
    assert_allowed(md);
    let arch = "[Epic] --MLLP--> [Rhapsody 10.214.67.78:6601] --> [EMPI 10.114.44.48:443]\n\n| Component | URL |\n|---|---|\n| Rhapsody admin | https://10.214.67.78:8444/ |\n";
    assert_allowed(arch);
    assert_allowed("| MR Image Storage | 1.2.840.10008.5.1.4.1.1.4 | SCP |\n{\"severity\": \"error\", \"human\": \"An MRN identifier is required\"}");
    // Honorifics still work.
    assert_reported("Patient MRN 00412345. Mr. Nguyen called; MRS OKAFOR too.", &["Nguyen", "OKAFOR"]);
}

#[test]
fn a_portal_forms_labels_on_their_own_lines() {
    let form = "Request type: Billing question\n\nPatient full name\nHibo Cumar\nDate of birth\n8/9/40\nAccount number on your statement\n129965724\nBest phone number\n(404)560-5623\n";
    assert_reported(form, &["Hibo Cumar", "8/9/40", "129965724", "(404)560-5623"]);
    // A heading over a paragraph is not a form.
    assert!(scan("## Phone\nCall the bridge line for the incident.\n").findings.is_empty());
}

#[test]
fn x12_claims_remittances_and_enrollment() {
    let claim = "{code}\nISA*00*          *00*          *ZZ*DVDRCE         *ZZ*VKYXU          *250504*2042*^*00501*561160955*0*P*:~\nNM1*85*2*BLUE MESA HEALTH CENTER*****XX*2707770113~\nN3*100 CLINIC WAY~\nNM1*IL*1*VAN DEN HEUVEL*SANNE****MI*MBR37006996~\nN3*3157 SAINT ANSELM PL*APT 2R~\nN4*DECATUR*GA*300024144~\nDMG*D8*19950606*F~\nCLM*836599123*399***11:B:1*Y*A*Y*Y~\nDTP*472*D8*20250419~\nNM1*82*1*VAN DIJK*PIETER****XX*1249933783~\n{code}\n";
    assert_reported(claim, &["VAN DEN HEUVEL", "SANNE", "MBR37006996", "3157 SAINT ANSELM PL", "APT 2R", "DECATUR", "300024144", "19950606", "836599123", "20250419"]);
    // The billing provider's address and the rendering provider are not the patient's.
    assert!(!covers(claim, "100 CLINIC WAY") && !covers(claim, "PIETER"));
    let remit = "CLP*V702260084*1*869*599.64*53.87*12*31040751943250*11*1~\nNM1*QC*1*ANNAMALAI*REVATHI****MI*3454623951-02~\nDTM*232*20250126~\n";
    assert_reported(remit, &["V702260084", "31040751943250", "ANNAMALAI", "3454623951-02", "20250126"]);
    let enrol = "INS*Y*18*021*28*A***FT~\nREF*0F*MBR69435880~\nNM1*IL*1*SUBRAMANIAN*KAVITHA****34*531201408~\nPER*IP**HP*2536562170*EM*kavitha_subramanian@icloud.com~\n";
    assert_reported(enrol, &["MBR69435880", "SUBRAMANIAN", "531201408", "2536562170", "kavitha_subramanian@icloud.com"]);
}

#[test]
fn dicom_tags_in_dcmtk_logs_and_wiki_tables() {
    let log = "I: ---------------------------\nI: (0008,0050) SH [BMH8984866]\nI: (0010,0010) PN [DELA CRUZ^ROWENA]\nI: (0010,0020) LO [32656696]\nI: (0010,0030) DA [19460705]\nI:   (0040,0002) DA [20240929]  # ScheduledProcedureStepStartDate\n";
    assert_reported(log, &["BMH8984866", "DELA CRUZ^ROWENA", "32656696", "19460705", "20240929"]);
    let table = "||Tag||PACS patient A||PACS patient B||\n|(0010,0010)|WANG^XIUYING|WANG^XIUYING=王^秀英|\n|(0010,0020)|MRN-54125595|4196720|\n|(0010,0030)|19591220|19591221|\n";
    assert_reported(table, &["MRN-54125595", "4196720", "19591220", "19591221", "WANG^XIUYING=王^秀英"]);
}

#[test]
fn guarantor_rows_and_patient_control_numbers() {
    let sql = "INSERT INTO [dbo].[Guarantor] VALUES ('V908647464', N'O SUILLEABHAIN, NIAMH', CONVERT(date, '05/16/1991', 101), '612828744', N'8243 Old Mill Street #7', N'Miami Gardens', 'FL', '330762329', '8014261087', 1, GETDATE());\n";
    assert_reported(sql, &["V908647464", "O SUILLEABHAIN, NIAMH", "05/16/1991", "612828744", "8243 Old Mill Street #7", "Miami Gardens", "330762329", "8014261087"]);
    let csv = "claim_no,patient_ctrl_no,member_id,patient_name,dob\n2591026835022,179931578,W477150309,\"Ó Súilleabháin, Pádraig\",07/12/1940\n";
    assert_eq!(found(csv, Kind::AccountNumber), ["2591026835022", "179931578"]);
}

#[test]
fn hl7_with_literal_cr_markers_and_birth_dates_built_in_code() {
    let log = "{noformat}\nMSH|^~\\&|RIS|TRH|||20240815104553||ORM^O01|TRH026741075|P|2.3<CR>PID|1||K72-132867^^^TRH^MR||KHOURY^OMAR^B||19701110|M|||6917 Pulaski Rd^^Houston^TX^77083<CR>PV1|1|O\n{noformat}\n";
    assert_reported(log, &["K72-132867", "KHOURY^OMAR^B", "19701110", "6917 Pulaski Rd", "77083"]);
    let code = "+            new Member { FirstName = \"Olga\", LastName = \"Lebedeva\", DateOfBirth = new DateTime(1977, 10, 14), Mbi = \"9C82UE1VW17\" },\n+    .withBirthDate(LocalDate.of(1944, 10, 29))\n";
    assert_reported(code, &["1977, 10, 14", "1944, 10, 29"]);
    // A release date in code is not a birth date.
    assert!(found("+    static final LocalDate RELEASE = LocalDate.of(2025, 3, 1);\n", Kind::Date).is_empty());
}

#[test]
fn file_layout_specs_and_template_slots_are_not_records() {
    let layout = "||Pos||Field||Type||Len||Format / notes||\n|1|record_type|AN|2|'PR' patient record, 'CL' claim line|\n|3|member_id|AN|12|left-justified, space filled|\n|15|last_name|AN|35|upper case, no diacritics|\n|50|first_name|AN|25| |\n|75|birth_date|N|8|CCYYMMDD|\n";
    assert_allowed(layout);
    let template = "{code}\nPID|1||<MRN>^^^LAB^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<SEX>|||<STREET>^^<CITY>^<ST>^<ZIP>\n{code}\n";
    assert_allowed(template);
}

#[test]
fn a_header_given_in_prose_above_a_code_block_of_rows() {
    let text = "Underpayment analysis - raw 835 flattened export (no header, layout: DOS|PCN|NAME|MEMBER|CPT|BILLED|PAID|CARC|ICN):\n{noformat}\n20260621|V068643527|BANERJEE^MOUSUMI|VRT770516202|80053|199.00|65.33|CO-97|6355458126606\n{noformat}\n";
    assert_reported(text, &["V068643527", "BANERJEE^MOUSUMI"]);
}

#[test]
fn pull_request_activity_names_staff() {
    let text = "+  \"resourceType\": \"StructureDefinition\",\n+  \"name\": \"EHPatient\",\n\nSiti Aisyah binti Abdullah approved this pull request.\n";
    assert_allowed(text);
}

#[test]
fn python_dict_literals_in_logs() {
    let text = "Sentry event:\nrecord = {'first_name': 'Omar', 'last_name': 'El-Sayed', 'dob': '1983-12-13', 'ssn': '149276510', 'zip': '43285'}\n";
    assert_reported(text, &["Omar", "El-Sayed", "1983-12-13", "149276510", "43285"]);
    // Apostrophes in prose open no string.
    assert!(scan("The patient's chart isn't here: we'll ask the ward.").findings.is_empty());
}

#[test]
fn a_fhir_reference_display_names_the_patient_in_any_resource() {
    let text = "{ \"resourceType\": \"Bundle\", \"entry\": [\n { \"resource\": { \"resourceType\": \"Device\", \"id\": \"43159\",\n   \"patient\": { \"reference\": \"Patient/486582\", \"display\": \"Manpreet Gill\" } } } ] }\n";
    assert_reported(text, &["Manpreet Gill"]);
}

#[test]
fn an_honorific_makes_an_unknown_surname_a_name() {
    let chat = "[21:07] Navdeep Grewal: bed 12 - Mr. Tsosie 92 yo, sats 86% on 2L, can you come?\n[21:08] Nneka Okafor: on my way. is that Hosteen Tsosie from the ED this morning?\n";
    // "Mr. Tsosie", then the same name mentioned again.
    assert_eq!(found(chat, Kind::PersonName).iter().filter(|n| n.as_str() == "Tsosie").count(), 2);
}

#[test]
fn a_relatives_name_typed_in_lower_case() {
    let text = "hi, my son văn minh phạm was seen in the ER on 5/15/24. his mrn on the paper is HX8429187.\n";
    assert_reported(text, &["văn minh phạm"]);
    assert_eq!(found("MRN 00412345. my son will call back; my wife is here.", Kind::PersonName), Vec::<String>::new());
}

#[test]
fn wiki_rows_keyed_by_hl7_field_names() {
    let text = "||Field||A01 value||A03 value||Note||\n|PID-3|98223286|98223286|ok|\n|PID-5|KOVACS^ZSOFIA^C|KOVACS^ZSOFIA^C|ok|\n|PID-7|19570906|19570906|ok|\n|PV1-19|ACCT-3733-1533|ACCT-3733-1533|ok|\n";
    assert_reported(text, &["98223286", "KOVACS^ZSOFIA^C", "19570906", "ACCT-3733-1533"]);
    assert!(!covers(text, "ok|"));
    // A spec table's rows naming fields without values stay clean.
    assert_allowed("||Field||Meaning||\n|PID-5|patient name, family^given|\n|PID-7|date of birth|\n");
}

#[test]
fn portuguese_and_spanish_labels_and_lower_case_months() {
    let text = "Dados: data de nascimento 15 de dezembro de 1948, prontuário 94792589.\nMi número de afiliado es HUT074633466.\nhis birthday is december 3, 2009. i called 3 times.\n";
    assert_reported(text, &["15 de dezembro de 1948", "94792589", "HUT074633466", "december 3, 2009"]);
    // "may" stays a verb.
    assert!(found("Patient MRN 00412345. The results may 14 days take.", Kind::Date).is_empty());
}

#[test]
fn a_phone_after_an_id_label_that_holds_no_code() {
    // "EMPI:" labels a record number; "home (832) ..." is none, so the phone stands.
    let text = "PID|1||K04-020389^^^H^MR||BEGAY^NIZHONI||19461113|F\nExpected in EMPI: home (832) 592-1512, mobile 470-584-3054.\n";
    assert_reported(text, &["(832) 592-1512", "470-584-3054"]);
}

#[test]
fn a_pipe_layout_named_in_prose_and_ids_in_a_member_column() {
    let text = "Underpayment export (no header, layout: DOS|PCN|NAME|MEMBER|CPT|BILLED|PAID|CARC|ICN):\n{noformat}\n20260621|V068643527|BANERJEE^MOUSUMI|VRT770516202|80053|199.00|65.33|CO-97|6355458126606\n{noformat}\n";
    assert_reported(text, &["20260621", "V068643527", "BANERJEE^MOUSUMI", "VRT770516202", "6355458126606"]);
    assert_eq!(found(text, Kind::HealthPlanId), ["VRT770516202"]);
}

#[test]
fn names_on_a_discharge_huddle_list() {
    // The expected discharge date makes each line a patient's; Turkish İ lower-cases to a
    // plain i for the dictionaries.
    let text = "# Daily discharge huddle - 4 West\nPresent: Yan Zhou (CM), Hodan Farah (SW)\n\n- [ ] İsmail Doğan (431) - EDD Sep 14, 2025 - insurance auth pending for rehab\n- [ ] Daisuke Yamaguchi (407) - EDD 9/15/25 - waiting on PT eval\n";
    assert_reported(text, &["İsmail Doğan", "Sep 14, 2025", "Daisuke Yamaguchi", "9/15/25"]);
    assert!(!covers(text, "Hodan Farah"));
}

#[test]
fn an_access_log_of_a_patients_portal_requests() {
    let line = |ip: &str| format!("{ip} - - [31/Jan/2025:23:16:41 +0000] \"GET /api/v2/patients/7724967/documents/059186/download HTTP/2.0\" 200 46831 \"-\" \"Mozilla/5.0\"\n");
    let text = format!("His access from the edge proxy:\n{{noformat}}\n{}{}{{noformat}}\n", line("184.170.117.20"), line("10.20.30.40"));
    assert_reported(&text, &["184.170.117.20", "/api/v2/patients/7724967/documents/059186/download"]);
    // A private address is a service's or a workstation's.
    assert!(!covers(&text, "10.20.30.40"));
    // Requests for other pages name no one.
    assert_allowed("203.0.113.9 - - [31/Jan/2025:23:16:41 +0000] \"GET /static/app.js HTTP/2.0\" 200 512\n");
}

#[test]
fn spec_pages_name_fields_but_hold_no_patient() {
    // A message template, a mapping table's notes, a profile's JSON and the payer's
    // placeholder birth date: no record, so the colleagues named on the page stay quiet.
    let template = "*Mapping spec (draft v0.4)* - Navdeep Dhillon\n\n{code}\nMSH|^~\\&|<SENDING_APP>|<FAC>|LIS|<FAC>|<YYYYMMDDHHMMSS>||ORU^R01|<CONTROL_ID>|P|2.5.1\nPID|1||<MRN>^^^<AUTH>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<SEX>|||<STREET>^^<CITY>^<ST>^<ZIP>\nOBR|1|<PLACER>|<FILLER>|<LOINC>^<NAME>^LN|||<YYYYMMDDHHMM>\n{code}\n\n||HL7||Our field||Rule||\n|PID-3.1|patient.mrn|required, 7-10 digits, strip leading zeros? (open question for Kavitha Ramasamy)|\n|PID-7|patient.birth_date|YYYYMMDD only, reject partial dates|\n";
    assert_allowed(template);
    let profile = "+{\n+  \"resourceType\": \"StructureDefinition\",\n+  \"type\": \"Patient\",\n+  \"differential\": { \"element\": [\n+    { \"id\": \"Patient.identifier\", \"path\": \"Patient.identifier\", \"min\": 1,\n+      \"constraint\": [ { \"key\": \"eh-1\", \"severity\": \"error\", \"human\": \"An MRN identifier is required\" } ] },\n+    { \"id\": \"Patient.birthDate\", \"path\": \"Patient.birthDate\", \"min\": 1, \"mustSupport\": true }\n+  ] }\n+}\n\nYosef Ben-David approved this pull request. Dieunel Jean-Baptiste: please bump the IG version to 0.5.5.\n";
    assert_allowed(profile);
    assert_allowed("Test files must use the payer's test subscriber (member id from the payer's test kit, DOB 19000101). Revision 8.9, Sebastião Araújo.\n");
}

#[test]
fn a_log_lines_weak_identifiers_outside_fields_stay_below_the_default_threshold() {
    // Timestamps, callers and addresses in log lines are capped at 0.3 unless a field holds
    // them; the field's value is reported. Under a threshold at or below the cap, the capped
    // candidates are reported too (their recognizers run only where they could be).
    let text = "2026-11-20 10:15:32,123 INFO [main] c.a.PatientService - dialed 617-415-3870 for Maria Gonzalez at 12 Elm Street, Boston, MA 02118 mrn=00412345\n";
    let r = scan(text);
    assert!(covered(&r, text, "00412345"));
    for weak in ["617-415-3870", "Maria Gonzalez", "12 Elm Street", "02118", "2026-11-20"] {
        assert!(!covered(&r, text, weak), "{weak} reported");
    }
    let low = Scanner::new(Policy::from_json(r#"{"report_threshold": 0.3}"#).unwrap()).unwrap().scan_text(text);
    for weak in ["617-415-3870", "Maria Gonzalez", "12 Elm Street", "02118"] {
        assert!(covered(&low, text, weak), "{weak} not reported at 0.3");
    }
}

#[test]
fn templates_test_rows_and_staff_pages_are_not_patients() {
    // A message template with slots and the spec's documented test values.
    assert_allowed("{code}\nMSH|^~\\&|EPIC|TCBH|LAB|REF|<YYYYMMDDHHMMSS>||ADT^A01|<CONTROL_ID>|T|2.5.1|\nPID|1||<MRN>^^^TCBH^MR||{{patient_family}}^{{patient_given}}||<DOB>|U|||<STREET>^^<CITY>^MA^00000^USA||555-0100^PRN^PH|||||<ACCOUNT>|123-45-6789|\nNK1|1|DOE^JANE|MTH^Mother|^^^^00000|555-0199|\n{code}\nNotes: DOE^JOHN / DOE^JANE are the spec's test values.\n");
    // A layout page's example row, and the layout's owner.
    assert_allowed("Claims extract layout v2.8 (owner Mateus Cardoso)\n\nExample row (not a member):\nMbr#,pt_lname,pt_fname,DOB_YYYYMMDD,mbi,ssn,zip\nTEST00000001,Doe,John,<YYYYMMDD>,1EG4TE5MK73,123456789,00000\n\nQuestions to Mateus Cardoso (mateus.cardoso@tricountybh.org).\n");
    // A SmartPhrase with @SLOTS@, edited on a date.
    assert_allowed("SmartPhrase: .DCSUMMARY (owner Naledi Mokoena, last edited Jul 5, 2026)\n\nPatient: @NAME@    MRN: @MRN@    DOB: @DOB@    Age: @AGE@\nAdmission date: @ADMITDATE@    Discharge date: @DISCHDATE@\n");
    // A prose line with commas is no table header ("no patient data on this page").
    assert_allowed("Unit contacts (staff only, no patient data on this page)\nCreated by Rohan Mehta, last modified on Nov 23, 2026\n\nUnit main line (802) 412-0680, fax (503) 424-3112.\n");
    // An on-call rota's pagers, a certificate's dates, a SQL error's column, a PR's people.
    assert_allowed("||Date||Primary||Backup||\n|December 24, 2026|Aisha Kamara (617-9410)|Hannah Brandt (x3844)|\nSwap requests to oncall-swaps@acme-health.example.\n");
    assert_allowed("*  subject: CN=fhir.partner-hie.example\n*  start date: Nov 21 16:11:12 2026 GMT\n*  expire date: Feb 19 16:11:12 2027 GMT\n");
    assert_allowed("ERROR: duplicate key value violates unique constraint \"uk_patient_mrn\"\n  Detail: Key (mrn)=(<redacted>) already exists.\n");
    assert_allowed("Pull request #1350: policy: anchor the ACME MRN pattern\nChloé Marchand wants to merge policy/anchor into main\nYasmin Qureshi commented:\n  Only 555-0100 to 555-0199.\n");
    // A terminology resource's date is its publication.
    assert_allowed("+{\n+  \"resourceType\": \"ValueSet\",\n+  \"version\": \"1.9.0\",\n+  \"status\": \"active\",\n+  \"date\": \"2026-10-21\"\n+}\n");
    // Still a patient: a birth date in parentheses, with a month name.
    assert_reported("Outreach:\n* Cornelius Eze (18-Nov-1946) — Chart # E619974502\n", &["Cornelius Eze", "18-Nov-1946", "E619974502"]);
}

#[test]
fn postgres_copy_rows_in_csv_and_whole_name_cells() {
    let text = "COPY staging.encounter (enc_id, mrn, pt_name, admit_ts, discharge_ts, disposition) FROM stdin WITH (FORMAT csv);\n895922,E5118562,\"Kim, Min-jun\",2026-10-18 00:23,2026-10-19 09:47,AMA\n\\.\n";
    assert_reported(text, &["E5118562", "Kim, Min-jun", "2026-10-18 00:23", "2026-10-19 09:47"]);
    assert_eq!(found(text, Kind::PersonName), ["Kim, Min-jun"]);
}

#[test]
fn merge_rows_whose_columns_come_after_them() {
    let text = "MERGE dbo.Member AS tgt\nUSING (VALUES\n    ('MBR-4262683-03', N'Dąbrowski', N'Grzegorz', '19420216', '855080779', 'dabrowski_grzegorz@comcast.net')\n) AS src ([Mbr#], LastName, FirstName, DOB_YYYYMMDD, SSN, Email)\n   ON tgt.[Mbr#] = src.[Mbr#];\n";
    assert_reported(text, &["MBR-4262683-03", "Dąbrowski", "Grzegorz", "19420216", "855080779", "dabrowski_grzegorz@comcast.net"]);
    assert!(!covers(text, "AS tgt"));
}

#[test]
fn member_ids_printed_in_groups() {
    let text = "Mbr ID,Last,First,DOB\nZMS 2583 047226,Satō,Haruto,1951-02-03\n";
    assert_reported(text, &["ZMS 2583 047226"]);
}

#[test]
fn ages_relatives_and_dates_in_spanish_and_french() {
    let text = "Patiente : Mme Mekdes Haile, née le 19 novembre 1929 (97 ans), MRN 0075439941.\nPersonne de confiance : Yosef Cohen (fils), tél. 708 842 2195\nMi mamá tiene 92 años.\n";
    assert_reported(text, &["19 novembre 1929", "Yosef Cohen", "92 años", "0075439941"]);
}

#[test]
fn a_specifications_name_column_names_fields() {
    let text = "||Seg||Field||Name||Value in prod message||Target column||\n|PID|PID-5|Patient Name|TAKAHASHI^FUMIKO|patient.name|\n|PID|PID-19|SSN Number|089-52-9299|patient.ssn|\n";
    let r = scan(text);
    assert!(!covered(&r, text, "Patient Name") && !covered(&r, text, "SSN Number"), "{:?}", r.findings);
    // The value column holds each row's field's value.
    assert!(covered(&r, text, "089-52-9299") && covered(&r, text, "TAKAHASHI^FUMIKO"));
}

#[test]
fn a_chair_assignment_names_its_patients() {
    // A full name with a record number in parentheses; "Chair 1:" is a place, not a meeting's chair.
    let text = "||Shift||Chairs||\n|MWF 05:30|Chair 1: Bohdan Kovalenko (E4583883) tx ride (505) 594-6415 \\\\ Chair 2: Giorgi Beridze (32883894) tx ride 206-287-0741|\n";
    assert_reported(text, &["Bohdan Kovalenko", "E4583883", "(505) 594-6415", "Giorgi Beridze", "32883894"]);
    // An extension or a pager is no record number.
    assert_allowed("||Date||Primary||Backup||\n|December 24, 2026|Aisha Kamara (x3844)|Hannah Brandt (617-9410)|\n");
}

#[test]
fn an_address_in_an_hl7_observation_and_a_relative_of_the_patient() {
    let hl7 = "MSH|^~\\&|A|B|C|D|20261101||ORU^R01|1|P|2.5\rPID|1||418263^^^H^MR||DOE^ALICE\rOBX|2|XAD|56799-0^Address^LN||S5292 State Route 264^^Flushing^NY^11355-9077^USA||||||F\r";
    assert_reported(hl7, &["S5292 State Route 264", "Flushing", "11355-9077"]);
    // OBX-18, the equipment instance: the patient's own meter.
    let poc = "MSH|^~\\&|POC|LAB|EHR|H|202609050707||ORU^R01|1|P|2.5\rPID|1||418263^^^H^MR||KOVACS^ZSOFIA||19600101|F\rOBX|1|NM|2345-7^GLUCOSE POC^LN||174|mg/dL|70-140||||F|||202609050707||||GM-CJVVV4UNZZ\r";
    assert_eq!(found(poc, Kind::DeviceId), ["GM-CJVVV4UNZZ"]);
    let ticket = "MRN 00412345 locked out.\nRequester: Lê Văn Minh (son of the patient, healthcare proxy)\n";
    assert_reported(ticket, &["Lê Văn Minh"]);
}

#[test]
fn a_spreadsheet_header_under_merged_group_names() {
    let text = "Patient\t\t\tContact\t\tDischarge\t\t\nLast\tFirst\tDOB\tPhone\tEmail\tDate\tPCP\tReached?\nPark\tSeo-yeon\t09.28.1986\t808-299-0266\tseoyeon.park@hotmail.fr\t11/5/2026\tRashida Tillman\tY\n";
    assert_reported(text, &["Park", "Seo-yeon", "09.28.1986", "11/5/2026"]);
    assert!(!covers(text, "Rashida Tillman"));
}

#[test]
fn name_value_pairs_in_liquibase_and_json() {
    let yaml = "- insert:\n    tableName: patient\n    columns:\n      - column: {name: mrn, value: \"CVH-1603200\"}\n      - column: {name: birth_date, valueDate: \"1931-06-23\"}\n";
    assert_reported(yaml, &["CVH-1603200", "1931-06-23"]);
    let json = "{\"fields\": [{\"name\": \"mrn\", \"value\": \"E5118562\"}, {\"name\": \"status\", \"value\": \"active\"}]}\n";
    assert_reported(json, &["E5118562"]);
}

#[test]
fn drivers_licences_in_their_states_shapes() {
    // After the state, in groups after one letter (Michigan), dashed (Florida, Illinois), and
    // as a FHIR identifier under a state's licence OID.
    let text = "Patient: Maria Gonzalez, DOB 03/14/1962\nDriver license: MI W 616 991 547 142\nDL: FL G303-801-86-341-6 exp 2029\n";
    assert_eq!(found(text, Kind::LicenseNumber), vec!["W 616 991 547 142".to_string(), "G303-801-86-341-6".to_string()]);
    let fhir = r#"{"resourceType": "Patient", "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.3.49", "value": "E 102 278 165 469"}], "name": [{"family": "García", "given": ["Itzel"]}]}"#;
    assert_eq!(found(fhir, Kind::LicenseNumber), vec!["E 102 278 165 469".to_string()]);
}

#[test]
fn a_devices_serial_a_guarantor_and_french_labels() {
    let device = "{\n  \"resourceType\": \"Device\",\n  \"udiCarrier\": [ { \"carrierHRF\": \"(01)06811977296658(11)261008(17)281031(21)RNR660397PB\" } ],\n  \"serialNumber\": \"RNR660397PB\",\n  \"patient\": { \"reference\": \"Patient/77\", \"display\": \"Ana Lima\" }\n}\n";
    assert_reported(device, &["(01)06811977296658(11)261008(17)281031(21)RNR660397PB", "Ana Lima"]);
    assert!(found(device, Kind::DeviceId).contains(&"RNR660397PB".to_string()));
    let gt1 = "MSH|^~\\&|A|B|C|D|20261101||ADT^A04|1|P|2.5\rPID|1||418263^^^H^MR||KAPANADZE^GIORGI\rGT1|1|G2610608|KAPANADZE^GIORGI^G\r";
    assert_reported(gt1, &["G2610608"]);
    let french = "Patiente : Mme Layla Mansour, numéro de dossier 042-917-752\nTéléphone : 615 658 7236\n-- patient is 103, age check skipped\n";
    assert_reported(french, &["042-917-752", "615 658 7236", "103"]);
}

#[test]
fn a_label_in_parentheses_and_a_home_connection() {
    let text = "Bệnh nhân Bùi Thu Hà. Mã hồ sơ (MRN): BKC-2587732.\nAbdirahman confirmed by phone (956-802-8062) that 174.80.114.189 is his home connection.\n";
    assert_reported(text, &["BKC-2587732", "174.80.114.189", "956-802-8062"]);
}

#[test]
fn sql_literals_named_with_as() {
    let text = "INSERT INTO claims.raw (claim_id, member, received_at)\nVALUES (\n  'CLM-17470384',\n  STRUCT('918726988C' AS member_id, 'Kavita Sharma' AS name, DATE '1969-11-27' AS dob),\n  CURRENT_TIMESTAMP());\n";
    assert_reported(text, &["918726988C", "Kavita Sharma", "1969-11-27"]);
}

#[test]
fn csv_rows_whose_notes_cell_spans_lines() {
    let text = "claim_id,patient,member_id,dos,notes\nCLM-1,\"Lindqvist, Aino\",W877263835,2026-09-21,\"Called the nephew.\nSays she is in hospice,\ncall back later\"\nCLM-2,\"Oyelaran, Tomi\",374359146B,2026-11-04,\"ok\"\n";
    assert_reported(text, &["Oyelaran, Tomi", "374359146B", "2026-11-04"]);
}

#[test]
fn fhir_in_a_java_text_block_and_german_columns() {
    let text = "+        String json = \"\"\"\n+            {\n+              \"resourceType\": \"Patient\",\n+              \"identifier\": [{\"system\": \"urn:mrn\", \"value\": \"0017222413\"}],\n+              \"birthDate\": \"1999-12-13\"\n+            }\n+            \"\"\";\n";
    assert_reported(text, &["0017222413", "1999-12-13"]);
    let text = "Subscriber;Patient;Geburtsdatum;ZIP\nLVH 5679 398606;Okonkwo, Ada;21.05.1994;96720\n";
    assert_reported(text, &["LVH 5679 398606", "21.05.1994"]);
}

#[test]
fn a_contact_labelled_as_the_patients_makes_a_patient_document() {
    let text = "Shirin Moradi has a standing parking validation for infusion visits.\nNext infusion: December 10, 2026. Patient cell 228 353 1968.\n";
    assert_reported(text, &["Shirin Moradi", "December 10, 2026", "228 353 1968"]);
    // A phone under a plain label, in a document about no one, stays low.
    assert_allowed("Facilities desk phone 228 353 1968, ask for the garage.\n");
}

#[test]
fn a_dates_clock_time_a_grouped_member_id_and_a_city_after_the_street() {
    let text = "PATIENT: COHEN, NOA   DOB: 23 Jun 28   MRN: K3918346\nEXAM DATE: 11/29/2026 18:32\n";
    assert_reported(text, &["11/29/2026 18:32"]);
    let text = "Hello, my name is Dariush Farahani. My insurance member ID is BDX 2946 610759. Please write to me at 1547 Elm St, Fairbanks.\n";
    assert_reported(text, &["BDX 2946 610759", "1547 Elm St, Fairbanks"]);
    let text = "Member: Dariush Farahani\nMember ID: WZE 9274 070197\n";
    assert_reported(text, &["WZE 9274 070197"]);
}

#[test]
fn cues_before_names_the_dictionaries_lack_and_record_labels() {
    assert_reported("Guarantor Hastiin Yazzie says the monthly payment was taken twice.\n", &["Hastiin Yazzie"]);
    let text = "Patiente : Mme Mekdes Haile, née le 19 novembre 1929 (97 ans)\n";
    assert_eq!(found(text, Kind::PersonName), ["Mekdes Haile"]);
    assert_reported("Pt Ana Ruiz, MRN 4471882. Daughter-in-law Rosalinda Dela Cruz helps with the pill box.\n", &["Rosalinda Dela Cruz"]);
    assert_reported("ACCESSION: 26-MR-6409504\nPATIENT: COHEN, NOA   DOB: 23 Jun 28\nMRN LFC-0157471, visit V137197895.\n", &["26-MR-6409504", "V137197895"]);
    // A cue before product words is not a name.
    assert_allowed("The Patient Portal Team shipped the Member Services Dashboard.\n");
}

#[test]
fn yearless_dates_in_date_columns_and_ages_at_admission() {
    // An appointment column holds month and day (and time) without the year.
    let text = "||Appt||Patient||MRN||\n|03/26 08:00|Min-jun Kim|HX0285722|\n|03/27|Yael Mizrahi|HX0285723|\n";
    assert_eq!(found(text, Kind::Date), ["03/26 08:00", "03/27"]);
    // A release table's version column is not a date column.
    assert_allowed("||Release||Version||Owner||\n|Spring|03/26|Team A|\n");
    // A column named for the age at admission holds ages.
    let text = "COPY mart.encounter_fact (encounter_key, mrn, age_at_admit) FROM stdin;\n88021\t6536704\t92\n88028\t6536705\t44\n\\.\n";
    assert_eq!(found(text, Kind::AgeOver89), ["92"]);
}

#[test]
fn encounter_rows_dumped_without_columns() {
    // A mysqldump of a care-event table, no CREATE TABLE: a row that names a person is
    // that patient's, with their encounter number, record number and dates.
    let text = "INSERT INTO `encounter` VALUES (17698,'ENC4144640','992-69-77','Okafor, Chiamaka J.','2024-10-23 17:01:00','2024-11-01','I48.91','Northriver Regional',166);\n";
    assert_reported(text, &["ENC4144640", "992-69-77", "Okafor, Chiamaka J.", "2024-10-23 17:01:00", "2024-11-01"]);
    // A row without a person (a schedule's slots) stays data.
    assert_allowed("INSERT INTO `appointment_slot` VALUES (1,'SLOT-20240101','2024-10-23 17:00:00','Room 4');\n");
}

#[test]
fn tab_separated_exports_with_many_unknown_columns() {
    // An 835 viewer's rows pasted with tabs: three known columns of nine.
    let text = "PayerClaimCtrl\tPatientName\tMemberID\tServiceDate\tBilled\tAllowed\tPaid\tCARC\tCheckNo\n\
                2833525635191\tDVORAK, BORIVOJ\tKMH50486811\t03/03/2024\t1940.12\t514.64\t577.88\t\t7101599183\n\
                24G0352671\tMCCARTHY, SIOBHAN\tTEB005389832\t02/19/2024\t634.62\t144.71\t520.29\tCO-97\t7101599183\n";
    assert_reported(text, &["DVORAK, BORIVOJ", "KMH50486811", "03/03/2024", "MCCARTHY, SIOBHAN", "TEB005389832"]);
}

#[test]
fn hl7_fields_quoted_in_prose_with_their_components() {
    let text = "The interface sends the old address.\nExpected PID-11: 9014 Quail Hollow St^^Burlington^VT^05469^USA^H\nActual PID-11 in outbound: 724 RAILROAD DR^^MACON^GA^31248^USA^H then it fails\n";
    assert_reported(text, &["9014 Quail Hollow St", "Burlington", "05469", "724 RAILROAD DR", "MACON", "31248"]);
    assert!(!covers(text, "fails"));
    // A field named without a value is not one.
    assert_allowed("PID-11 mapping: component 3 is the city, see the spec^1.\n");
}

#[test]
fn upsert_assignments_and_comment_headers_are_not_data() {
    // An upsert's SET list is assignments, not a CSV header over the next line.
    let text = "INSERT INTO demographics AS t (mrn, street, city) VALUES ('2603127', '26698 Dogwood Blvd', 'Macon')\nON CONFLICT (mrn) DO UPDATE\n   SET street = EXCLUDED.street, unit = EXCLUDED.unit,\n       city = EXCLUDED.city, postal_code = EXCLUDED.postal_code, updated_at = now();\n";
    assert!(!covers(text, "EXCLUDED.postal_code"));
    assert_reported(text, &["26698 Dogwood Blvd", "Macon"]);
    // A comment's author and time on a line of their own: when it was written.
    let text = "Patient Maria Gonzalez, MRN 40718266, DOB 03/14/1962.\n\nComments\nWendell Ashby · Jan 26, 2025 08:48\nCalled the patient back.\n";
    assert!(!covers(text, "Jan 26, 2025"));
    assert_reported(text, &["03/14/1962"]);
}

#[test]
fn portal_links_and_form_answers_with_a_remark() {
    // A patient portal's host and a record number in the path.
    let text = "<tr><td>Mehmet Celik</td><td><a href=\"https://mychart.lakeshoremed.org/p/9859121/summary\">open</a></td></tr>\nPatient DOB 03/14/1962\n";
    assert_reported(text, &["https://mychart.lakeshoremed.org/p/9859121/summary"]);
    assert_allowed("Release notes: https://portal.example.org/release/20250101/notes-v2\n");
    // A portal form's label with a remark in parentheses, its answer on the next line.
    let text = "Patient full name\nHibo Cumar\n\nMedical record number (if known)\n4084658\n";
    assert_reported(text, &["4084658"]);
}

#[test]
fn appointment_end_times_and_document_activity_dates() {
    let text = "MSH|^~\\&|EPIC|LFC|CLOVERLEAF|BILLING|202410251200||SIU^S12|123|P|2.5\nSCH|69409874|||||NEW|NEW PT||40|MIN|^^^202406200915^202406200945\nPID|1||E3390112^^^LFC^MR||MARCHETTI^LINDSEY\nTXA|1|PN|TX|202402161822|2429880869^DESHPANDE^ANJALI\n";
    assert_reported(text, &["202406200915", "202406200945", "202402161822"]);
}

#[test]
fn dates_wrapped_in_a_call_in_seeds() {
    let text = "Patient.create!(\n  mrn: \"M098987782\",\n  last_name: \"Etxeberria\",\n  dob: Date.parse(\"1984-09-14\"),\n  admitted_on: Date.parse(\"May 23, 2024\"),\n  created_at: Time.parse(\"2024-05-01\"),\n)\n";
    assert_reported(text, &["1984-09-14"]);
    // A record's own timestamp is not the patient's date.
    assert!(!covers(text, "2024-05-01"));
}

#[test]
fn examiner_cases_state_ids_and_numbers_given_in_a_chat() {
    let text = "Decedent: Maria Gonzalez   DOD: 8/4/24\nMedical examiner case no.: ME-2024-64696\n*Photo ID:* State ID T4034826 (OH)\n[14:10:07] Maria: ok also my new number is 2409190506\n";
    assert_reported(text, &["ME-2024-64696", "T4034826", "2409190506"]);
}

#[test]
fn note_headers_banners_and_ids_in_parentheses() {
    // An EHR's patient banner pasted as one line, and the note's date under its title.
    let text = "Progress Note — Hospital Day 4\nKourosh Tehrani | 01874745 | Rm 412-B\nDate: 6/5/24\n\nA/P: type 1 diabetes, continue insulin.\n";
    assert_reported(text, &["Kourosh Tehrani", "01874745", "6/5/24"]);
    let text = "TEHRANI, KOUROSH | 82 y.o. M | E2048113\nSeen for COPD exacerbation.\n";
    assert_reported(text, &["TEHRANI, KOUROSH", "E2048113"]);
    // A record number in parentheses after a Last, First name in a column layout.
    let text = "TELEPHONE ENCOUNTER\nDvořák, Bořivoj  (NR2348990)  DOB 28-OCT-26\n";
    assert_reported(text, &["Dvořák, Bořivoj", "NR2348990", "28-OCT-26"]);
    let text = "JUN-JUN DELA CRUZ  |  DOB 17.01.1948  |  MRN E5307755  |  DOS 11/30/2026\n";
    assert_reported(text, &["JUN-JUN DELA CRUZ", "17.01.1948", "E5307755"]);
    // A handoff list's "Last, First, age sex"; hyphenated given names and Arabic articles.
    assert_reported("Rm 3A - Park, Seo-yeon, 92 F\n", &["Park, Seo-yeon", "92 F"]);
    assert_reported("PATIENT: AL-HADDAD, YOUSSEF   DOB: 12 Aug 85\n", &["AL-HADDAD, YOUSSEF"]);
    assert_reported("Hello, my name is Young-ho Jeong, birthday 21st of September 2003.\n", &["Young-ho Jeong"]);
    // Not a banner: a meeting's room and a schedule; not a note: release notes' date.
    assert_allowed("Ana Lima | Room 4 | 10:00\nStandup | Room 4B | 2025-03-01\n");
    assert_allowed("Release notes v4.2\nDate: 6/5/24\nFixed the MRN validator.\n");
}

#[test]
fn record_merges_name_record_numbers() {
    let text = "Yael Katz has two charts since registration. HIM merged 2724601 into 1920075 but the portal shows both.\n";
    assert_reported(text, &["2724601", "1920075"]);
    assert_reported("Merged. 306-92-07 is the surviving record, M648414538 is retired.\n", &["306-92-07", "M648414538"]);
    assert_reported("EMPI says MRN-54125595 is the surviving MRN. Please merge B into A.\n", &["MRN-54125595"]);
    // Builds, commits and pull requests are merged and retired too.
    assert_allowed("Build 20241105 is retired. Merged 20241201 into release. Merged 9f8e7d6 into main.\n");
    // A portal account beside a name marks the patient.
    assert_reported("Vladimir Sokolov (portal login v.sokolov92@outlook.com) called about his results.\n", &["Vladimir Sokolov"]);
    // A street after '[' (DICOM values) and a unit written "# 18".
    assert_reported("(0010,0010) PN [SMITH^JOHN]\n(0010,1040) LO [1946 Ocotillo Ln Hamtramck MI 48279]  # PatientAddress\n", &["1946 Ocotillo Ln", "48279"]);
}

#[test]
fn portal_messages_towns_and_senders_with_details() {
    // A patient portal's message names its writer, a patient.
    assert_reported("Subject: Fwd: Secure message from Abhishek Desai — attachment won't open\n", &["Abhishek Desai"]);
    assert_allowed("Subject: message from Ana Lima about the sprint review\n");
    // A quoted header's sender, "Last, First" with the patient's details after.
    assert_reported(">>> From: Desai, Abhishek (MRN 6419334, DOB 06/12/1924)\n", &["Desai, Abhishek", "6419334"]);
    // The town a patient lives in; not a tool the data lives in.
    let text = "Patient Maria Gonzalez has COPD. Lives alone in Silver Spring, still drives.\nThe linking log lives in REDCap.\n";
    assert_reported(text, &["Silver Spring"]);
    assert!(!covers(text, "REDCap"));
}

#[test]
fn record_numbers_in_parentheses_after_names_the_dictionaries_lack() {
    let text = "|MWF 11:00|Chair 1: Shandiin Yazzie (47061122) tx ride \\\\ Chair 2: Jørgen Østergaard (PSN-0531442) tx ride|\n";
    assert_reported(text, &["Shandiin Yazzie", "47061122", "PSN-0531442"]);
    // A pager in parentheses is not a record number.
    assert_allowed("||Date||Primary (pager)||\n|December 24, 2026|Aisha Kamara (617-9410)|\n|December 25, 2026|Elif Demir (412-4815)|\n");
}

#[test]
fn specification_pages_changelogs_and_directories_are_clean() {
    // A changelog mentioning MSH-22 declares no separator: "PID-3 ... (HD-4078)" is no segment.
    assert_allowed("## [6.1.3] - 2025-12-22\n### Fixed\n- Configurable PID-3 repetition order (HD-4078)\n- Support for HL7 v2.8 MSH-22 (CLIN-5652)\n");
    // A chart's version; a page's publication date; a meeting's team and date.
    assert_allowed("fhir-server chart 3.21.2 (app 7.16.27)\nPatient.birthDate is required.\nPublished 2026-07-04 by Priyanka Iyer.\n");
    assert_allowed("h2. Sprint 83 retro — Team Interop (October 21, 2026)\n* Kofi Asante ran a great demo for the revenue-cycle team\n");
    // Rows keyed by HL7 fields under a specification's header describe them.
    assert_allowed("||Seq||Name||Type||Usage||Format / example||\n|PID-5|Patient Name|XPN|R|{{FAMILY^GIVEN^MIDDLE}}|\n|PID-11|Patient Address|XAD|RE|street^other^city^state^zip, e.g. {{123 MAIN ST^^ANYTOWN^OR^00000^USA^H}}|\n");
    // Scrubbed values and an office's mailbox.
    assert_allowed("PID|1||[ID]^^^FAC^MR||[NAME]||[DATE]|F|||[ADDRESS]||[PHONE]\nQuestions go to the privacy office (privacy@mercyhollow.org).\n");
    // A department directory's contact is staff.
    assert_allowed("| Department | Contact | Phone |\n|---|---|---|\n| Oncology infusion | Marcus Oyelaran | (206) 221-8936 x5338 |\n");
}

#[test]
fn v2xml_nested_json_xml_pairs_and_mar_rows() {
    // HL7 v2.xml: each value by its field and component.
    let text = "<PID>\n  <PID.3><CX.1>00780994</CX.1><CX.5>MR</CX.5></PID.3>\n  <PID.5><XPN.1><FN.1>Liu</FN.1></XPN.1><XPN.2>Tingting</XPN.2></PID.5>\n  <PID.7><TS.1>19610507</TS.1></PID.7>\n  <PID.11><XAD.1><SAD.1>712 NE Kalakaua Blvd</SAD.1></XAD.1><XAD.3>Kent</XAD.3><XAD.4>WA</XAD.4><XAD.5>98082</XAD.5></PID.11>\n</PID>\n";
    assert_reported(text, &["00780994", "Liu", "Tingting", "19610507", "712 NE Kalakaua Blvd", "Kent", "98082"]);
    assert!(!covers(text, "MR</CX.5>") && !covers(text, "WA</XAD.4>"));
    // Segments in a Java string literal, indented.
    let text = "    String er7 =\n        \"MSH|^~\\\\&|EPICADT|PROA|RHAPSODY|DW|20260603063417||ADT^A31|1|P|2.6\\r\" +\n        \"PID|1||604740443^^^PROA^MR||TAREAN^MIHAI||20251109|M\\r\";\n";
    assert_reported(text, &["604740443", "TAREAN^MIHAI", "20251109"]);
    // A FHIR resource in a JSON string (a Postman request body); the collection's names are things.
    let text = r#"{"info": {"name": "FHIR smoke"}, "item": [{"name": "Create patient", "request": {"body": {"raw": "{\n  \"resourceType\": \"Patient\",\n  \"name\": [{\"family\": \"Park\", \"given\": [\"Minjun\"]}],\n  \"birthDate\": \"1979-03-05\"\n}"}}}]}"#;
    assert_reported(text, &["Park", "Minjun", "1979-03-05"]);
    assert!(!covers(text, "Create patient") && !covers(text, "FHIR smoke"));
    // A multi-row INSERT in a diff: the rows after the first carry the diff's marker.
    let text = "+INSERT INTO rx_patient (rx_patient_id, mrn, full_name, dob)\n+VALUES\n+  (1, '8795479', 'Birtukan Tadesse', '2001-09-07'),\n+  (2, '1410983', 'Yusuf Mansour', '1923-05-26');\n";
    assert_reported(text, &["8795479", "Birtukan Tadesse", "1410983", "Yusuf Mansour", "1923-05-26"]);
    // Liquibase XML name/value attributes.
    let text = "<insert tableName=\"portal_account\">\n  <column name=\"mrn\" value=\"929432243\"/>\n  <column name=\"birth_date\" valueDate=\"1983-09-24\"/>\n</insert>\n";
    assert_reported(text, &["929432243", "1983-09-24"]);
    // A medication administration record: the patient's name and birth date after a comma, given times.
    let text = "Override events for Caruso, Giuseppe, 12/08/1921, M386278. Copied from the MAR report:\n\n||Medication||Scheduled||Administered||By||\n|ceftriaxone 1 g IV q24h|08/03/2026 0600|08/03/2026 06:03|Lucía Ferrer, RN|\n";
    assert_reported(text, &["Caruso, Giuseppe", "12/08/1921", "08/03/2026 06:03"]);
}

#[test]
fn consumer_mailboxes_and_a_patients_own_feedback() {
    // A consumer mailbox is a person's, also in a mail log; a message id at mail.gmail.com is not.
    let text = "2026-08-12 12:43:43 mta-out-02 postfix/smtp[48069]: XT58TNAUWT: to=<tolafsson@comcast.net>, relay=mx.comcast.net[107.241.172.183]:25, status=deferred\n";
    assert_reported(text, &["tolafsson@comcast.net"]);
    assert_allowed("Message-ID: <7aca3f6c74b22319@mail.gmail.com>\nSubject: build green\n");
    // A message about the writer's own visits is signed by a patient.
    let text = "-----Original Message-----\nI want to give feedback about my last two visits to the infusion center. The wait was over an hour.\n\nThank you,\nEero Häkkinen\n";
    assert_reported(text, &["Eero Häkkinen"]);
    // An Appointment's start and end; dates in year, month and day characters.
    let text = r#"{"resourceType": "Appointment", "status": "booked", "start": "2026-03-28T16:15:00-05:00", "end": "2026-03-28T16:45:00-05:00"}"#;
    assert_reported(text, &["2026-03-28T16:15:00-05:00", "2026-03-28T16:45:00-05:00"]);
    let text = "患者：山田 花子 (MRN 4471092)\n生年月日： 1979年4月6日（47歳）\n";
    assert_reported(text, &["1979年4月6日"]);
    // Items after a middle dot; a name over a line break in a cell.
    assert_reported("Patient: Wiremu Tāwhiri · DOB 07/09/2019 · MRN M313356\n", &["Wiremu Tāwhiri", "07/09/2019", "M313356"]);
    assert_reported("| Guled Cali Jaamac<br/>DOB 1928-05-02<br/>MRN 28704172 | 9 N Ashbury Ave |\n", &["Guled Cali Jaamac", "1928-05-02", "28704172"]);
}

#[test]
fn member_records_in_flat_files() {
    // Fixed width, no header: id, names in capitals, YYYYMMDD birth date, sex, ZIP.
    let text = "```\n----+----1----+----2----+----3----+----4----+----5\nH6794180601  MAGALHAES       LUIZA        19300525 F 11213 A 20250418\nH2737993601  HAMISI          IMANI        19410212 F 96810 A 20251125\n```\n";
    assert_reported(text, &["H6794180601", "MAGALHAES", "LUIZA", "19300525", "11213", "HAMISI"]);
    // A pipe-delimited record; an HL7 segment stays the HL7 extractor's.
    let text = "SUB|83139011661|GUNNARSSON|ASGEIR|19360711|M|25863 W Bayview Dr|Boise|ID|83730-2958\n";
    assert_reported(text, &["GUNNARSSON", "ASGEIR", "19360711", "83730-2958"]);
    // A build table's date beside a letter is no member record.
    assert_allowed("| Build | 20240101 | M | Release |\nBUILD  20240101 M  RELEASE\n");
}

#[test]
fn records_in_query_output_and_data_frames() {
    // psql output whose rows start with a timestamp is a table, not a log; its raw_line
    // cell holds a bar-delimited record: name, birth date, street, city, state, ZIP, phone.
    let text = "      starttime       | line_number |  colname  | err_reason                | raw_line\n\
----------------------+-------------+-----------+---------------------------+---------\n \
2026-03-20 22:43:14 |         548 | dob       | Invalid date format - len | ZGPR69WK2B3|Akana|Nohea|06/02/1981|7350 NE Juniper Hollow Rd|Anchorage|AK|99516|9074138875\n";
    assert_reported(text, &["ZGPR69WK2B3", "Akana", "Nohea", "06/02/1981", "7350 NE Juniper Hollow Rd", "Anchorage", "99516", "9074138875"]);
    // A result table under placeholder columns: ids, then `LAST, FIRST` before a date, and a birth date.
    let text = "| $1 | $2 | $3 | $4 | $5 | $6 |\n|---|---|---|---|---|---|\n| CLM49112265106 | H8278305901 | CARUSO, NICCOLO | 2026-02-03 | 99457 | 1929-10-02 |\n";
    assert_reported(text, &["CLM49112265106", "H8278305901", "CARUSO, NICCOLO", "2026-02-03", "1929-10-02"]);
    // (Ids with their digits in groups too: a merge worklist's record numbers.)
    let text = "||#||Record A||Record B||Name on A||Name on B||DOB||Decision||\n|2|688-994-514|M19967327|Bélizaire, Guerda|Belizaire, Guerda D|1964-05-02|not a dup|\n";
    assert_reported(text, &["688-994-514", "M19967327", "Bélizaire, Guerda", "1964-05-02"]);
    assert_reported(&text.replace("688-994-514", "45-017-991"), &["45-017-991"]);
    // A release table's row has no name before its date, nor a birth date.
    assert_allowed("| Build | Owner | Date |\n|---|---|---|\n| BLD20260203 | Platform, Team | 2026-02-03 |\n");
    // pandas prints each row's index under no column.
    let text = "Out[14]:\n         claim_id                 pt_name         dob\n0   CLM18267518397            Sung-min Kim  1942-04-15\n3 2026944132746473             Åsa Ekström  1967-05-04\n";
    assert_reported(text, &["CLM18267518397", "2026944132746473", "Sung-min Kim", "1967-05-04"]);
    assert!(!covers(text, "3 2026944132746473"));
    // Export abbreviations: sbscr_id, clm_thru_dt, dgns_cd; a Member ID with two digits.
    let text = "clm_id,pt_nm,sbscr_id,clm_thru_dt,dgns_cd_1,clm_pmt_amt\nC05791963770,RAO^SARASWATHI,ZGP3U1DX36L,20260219,N179,117.74\n";
    assert_reported(text, &["ZGP3U1DX36L", "20260219"]);
    assert_eq!(found(text, Kind::DiagnosisCode), ["N179"]);
    assert!(found(text, Kind::AccountNumber).iter().all(|v| v != "117.74"));
}

#[test]
fn chart_times_and_order_timing() {
    // A MAR's scheduled time and a flowsheet's columns: dates with a chart's four-digit time.
    let text = "MAR for Caruso, Giuseppe (MRN M386278):\n|ondansetron 4 mg IV q8h PRN|08/03/2026 1400|08/03/2026 14:00|\n\n| Row | 07/19 0800 | 07/19 1200 |\n|---|---|---|\n| BP | 178/55 | 151/98 |\n";
    assert_reported(text, &["08/03/2026 1400", "07/19 0800", "07/19 1200"]);
    // A count after a date is no time; a fraction is no date.
    assert!(!covers("Seen on 08/03/2026 1400 patients in the queue, MRN 00412345", "1400"));
    // An order's timing (ORC-7, RXE-1): when the patient's dose starts.
    let text = "MSH|^~\\&|EHR|H|PH|H|202605160900||OMP^O09|1|P|2.5\nPID|1||00412345^^^H^MR||TSAI^MEI^^^^^L\nORC|NW|E48825717|||SC||^^^202605171400^^R\nRXE|^Q12H^^202605250900^^R|^APIXABAN^|981||MG\n";
    assert_reported(text, &["202605171400", "202605250900"]);
    // The address a patient joined a video visit from.
    assert_reported("Telehealth note for patient Ana Ruiz (MRN 00412345).\nConnection: patient joined from 76.4.127.179; video dropped once.\n", &["76.4.127.179"]);
}

#[test]
fn appointment_times_home_locations_and_id_lists() {
    // An appointment's time belongs to its date, in English and Dutch.
    let text = "Patient Ana Ruiz (MRN 00412345): see Dr. Tyrone Jefferson on April 15, 2026 at 10:40 AM.\nbooked for today, 4/25/2026 3:40 PM.\nMijn afspraak op 25 november 2026 om 09:15 kan ik niet nakomen.\n";
    assert_reported(text, &["April 15, 2026 at 10:40 AM", "4/25/2026 3:40 PM", "25 november 2026 om 09:15"]);
    // A technical "Location:" field that holds the patient's home; a street with Spanish particles.
    let text = "Visit for patient Ana Ruiz (MRN 00412345).\nLocation: patient home — 17 E Kalakaua Loop, Hilo, HI 96712\nHome: 6094 Calle del Sol Loop, Spokane, WA 99284\n";
    assert_reported(text, &["17 E Kalakaua Loop", "Hilo", "96712", "6094 Calle del Sol Loop", "99284"]);
    assert_allowed("Location: us-east-1 — 17 replicas, see runbook\n");
    // Every literal of an IN list under an id column.
    let text = "SELECT PAT_NAME, BIRTH_DATE FROM dbo.PATIENT WHERE PAT_MRN_ID IN ('E9393568', '2179217', '15530126');\n";
    assert_reported(text, &["E9393568", "2179217", "15530126"]);
}

#[test]
fn letters_and_forms_in_other_languages() {
    // Italian: a greeting is no name; "sono" introduces the writer; Italian months; "codice paziente".
    let text = "Buongiorno, sono Gianluca Colombo, nato il 6 aprile 1955, codice paziente E2706069. Dopo la visita del 23 settembre 2026 non ho ricevuto i referti.\n";
    assert_reported(text, &["Gianluca Colombo", "6 aprile 1955", "E2706069", "23 settembre 2026"]);
    assert!(!covers(text, "Buongiorno"));
    // Dutch and Polish labels and months.
    assert_reported("Ik ben patiënt bij Desert Sage (patiëntnummer 79300773).\n", &["79300773"]);
    assert_reported("  data urodzenia: 28 października 1927\n  numer karty: E3006343\n", &["28 października 1927", "E3006343"]);
    // Japanese forms: full-width colons and 【】 labels; the name before its honorific and reading.
    let text = "患者氏名： 山田 由美 様（Yumi Yamada）\n電話： 505-951-6373\nカルテ番号： 308040098\n【氏名】高橋 誠\n【診察券番号】E2672875\n";
    assert_reported(text, &["山田 由美", "505-951-6373", "308040098", "高橋 誠", "E2672875"]);
    assert!(found(text, Kind::Ssn).is_empty());
}

#[test]
fn member_records_keep_their_names_and_cities() {
    // A given name that is also a common word, and a city that is one, in a member record;
    // a record's names stand though staff share them.
    let text = "ZGP6W83A1BF|Levi|David|02/28/1965|48086 Kamehameha Road|Lowell|MA|01895|9783310375\nSUB|17277007243|CHOWDARY|VENKATA|19620411|M|15812 N Old Mill Blvd|Portland|OR|97276-6688\nReviewed by David Chen.\n";
    assert_reported(text, &["Levi", "David", "Lowell", "Portland", "97276-6688"]);
}

#[test]
fn fhir_yaml_values_by_their_paths() {
    // A diff of YAML seed data: a list of given names, an Encounter's identifier and period.
    let text = "@@ -0,0 +1,20 @@\n+resources:\n+  - resourceType: \"Patient\"\n+    name:\n+      - family: \"Gupta\"\n+        given:\n+          - \"Amit\"\n+    birthDate: \"1942-04-12\"\n+  - resourceType: \"Encounter\"\n+    identifier:\n+      - value: \"V298333327\"\n+    period:\n+      start: \"2026-04-25T17:44:00Z\"\n+      end: \"2026-04-26T15:48:00Z\"\n+    participant:\n+      - individual:\n+          display: \"Dr. Lukas Brandt\"\n";
    assert_reported(text, &["Gupta", "Amit", "1942-04-12", "V298333327", "2026-04-25T17:44:00Z", "2026-04-26T15:48:00Z"]);
    assert!(!covers(text, "Lukas Brandt"));
    // Another resource that refers to a patient, as YAML and as a TypeScript object; a
    // `text:` in a name is the name, not a note.
    let encounter = "resourceType: Encounter\nsubject:\n  reference: \"Patient/272162\"\n  display: \"Boonmee, Siriporn\"\nperiod:\n  start: \"2026-10-19T10:37:00-08:00\"\n";
    assert_reported(encounter, &["Boonmee, Siriporn", "2026-10-19T10:37:00-08:00"]);
    let ts = "export const rp = {\n  resourceType: 'RelatedPerson',\n  patient: {\n    reference: 'Patient/63197',\n    display: 'Olúwáṣeun Adébáyọ̀'\n  },\n  name: [\n    {\n      text: 'Tèmítọ́pẹ́ Adébáyọ̀'\n    }\n  ],\n};\n";
    assert_reported(ts, &["Olúwáṣeun Adébáyọ̀", "Tèmítọ́pẹ́ Adébáyọ̀"]);
    // A resource inside another ends where its keys do: a Parameters' `name: count` is no person's.
    let params = "resourceType: Parameters\nparameter:\n  - name: resource\n    resource:\n      resourceType: Patient\n      name:\n        - family: Magalhães\n  - name: count\n    valueInteger: 3\n";
    assert_reported(params, &["Magalhães"]);
    assert!(!covers(params, "count"));
    // An age extension's value over 89 (JSON); one under 90 is no identifier.
    let age = r#"{"resourceType": "Patient", "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-age", "valueAge": {"value": 99, "unit": "a"}}]}"#;
    assert_eq!(found(age, Kind::AgeOver89), vec!["99".to_string()]);
    assert!(found(&age.replace("99", "45"), Kind::AgeOver89).is_empty());
}

#[test]
fn note_titles_and_summaries_name_their_patient() {
    // A clinical note's title, then whose note it is.
    assert_reported("# Progress note — Faith Little\nS: feels better today, pain 3/10.\n", &["Faith Little"]);
    // Age and sex after a comma: "Yevhen Melnyk, 83 M, bed 7N-29".
    assert_reported("Patient summary: Yevhen Melnyk, 83 M, bed 7N-29, admitted 10/16/2026 with a hip fracture.\n", &["Yevhen Melnyk"]);
    // A release's title is no note.
    assert_allowed("# Release notes — Faith Little\nThe build ships on Friday.\n");
}

#[test]
fn rosters_and_schedules_are_not_patients() {
    // A phone in parentheses after a name is no birth date: an on-call roster's staff.
    assert_allowed("Holiday coverage 2026\nWed Dec 24: primary Sri Kusuma (415-305-2319), backup Young-hee Park (919-299-6403)\n");
    // The parenthesis around a phone is not part of it.
    let text = "Patient Ana Ruiz, cell (415-305-2319).\n";
    assert_eq!(found(text, Kind::Phone), ["415-305-2319"]);
    // A rotation's start date in YAML, in a document about no patient.
    assert_allowed("schedule:\n  rotations:\n    - name: weekly\n      start_date: \"2026-12-07T09:00:00\"\n");
}

#[test]
fn column_names_with_numbers_and_prepositions() {
    // A UB-04 extract's form-locator column names hold digits.
    let text = "FL03a_PCN,FL03b_MRN,FL08b_PT_NAME,FL09d_ZIP,FL10_BIRTHDATE\nPB9537488097,1055063537,\"IONESCU, RALUCA\",968661781,10/05/1939\n";
    assert_reported(text, &["1055063537", "IONESCU, RALUCA", "968661781", "10/05/1939"]);
    // "DOB on order": what the words before the preposition name.
    let text = "| Accession | Name on tube | DOB on order |\n| 25-CH-916406 | Tsosie, Roscoe | 01/29/1990 |\n";
    assert_reported(text, &["Tsosie, Roscoe", "01/29/1990"]);
}

#[test]
fn ccd_snippets_php_arrays_and_values_on_file() {
    // A C-CDA recordTarget pasted in a ticket: the patient's and the guardian's identifiers.
    let text = "{code:xml}\n<recordTarget>\n  <patientRole>\n    <id extension=\"987688454\" root=\"2.16.840.1.113883.3.7128.1.1\"/>\n    <id extension=\"278198693\" root=\"2.16.840.1.113883.4.1\"/>\n    <addr use=\"HP\">\n      <streetAddressLine>327 SW Millstone Pl Apt 921</streetAddressLine>\n      <city>Grand Rapids</city>\n      <postalCode>49576</postalCode>\n    </addr>\n    <telecom value=\"tel:+1-616-688-5685\" use=\"HP\"/>\n    <patient>\n      <name use=\"L\"><given>Yurii</given><family>Bondarenko</family></name>\n      <birthTime value=\"19550902\"/>\n      <guardian>\n        <guardianPerson><name><given>Oksana</given><family>Bondarenko</family></name></guardianPerson>\n      </guardian>\n    </patient>\n  </patientRole>\n</recordTarget>\n{code}\n";
    assert_reported(text, &["987688454", "278198693", "327 SW Millstone Pl Apt 921", "Grand Rapids", "49576", "+1-616-688-5685", "Yurii", "19550902", "Oksana"]);
    assert_eq!(found(text, Kind::Ssn), ["278198693"]);
    // A PHP array's quoted keys.
    let text = "DB::table('referrals')->insert([\n    ['patient_name' => 'احمد ستانکزی', 'dob' => '1993-11-28', 'mrn' => '00812255'],\n]);\n";
    assert_reported(text, &["احمد ستانکزی", "1993-11-28", "00812255"]);
    // A key after a value is not the value's next list item.
    assert!(!covers(text, "dob"));
    // "DOB on file:" is a birth date label.
    assert_reported("Hi, this is a reminder of your appt. DOB on file: 05/09/2002. Reply C to confirm.\n", &["05/09/2002"]);
}

#[test]
fn rows_of_fields_and_their_values() {
    // A conversion report: each row names a column, its legacy and converted values are that column's.
    let text = "| Legacy acct | Field | Legacy value | Converted value | Cause |\n| A56888901 | BIRTH_DATE | 07/27/2003 | 2003-07-07 | MM/DD swapped |\n| HB52260444 | PATIENT_NAME | Aino Mäkinen | MAKINEN, AINO | order lost |\n";
    assert_reported(text, &["07/27/2003", "2003-07-07", "Aino Mäkinen", "MAKINEN, AINO"]);
    // A ticket's two-column `||Field||Value||` table stays label/value rows: staff stay staff.
    assert_allowed("||Field||Value||\n|Issue|FHIR-8275|\n|Reporter|Sanjay Subramanian|\n|Assignee|Antônio Gonçalves|\n");
}


#[test]
fn hl7_in_a_code_span_and_dates_at_shifted_positions() {
    // A segment pasted inside Markdown backticks reads as one without them.
    let text = "Repro:\n```PID|1||9620518^^^SMH^MR||MAZUR^GRZEGORZ^K||19510112|M|||95 E Sandpiper Blvd Apt 94^^Salt Lake City^UT^84137||3856716870```\n";
    assert_reported(text, &["9620518", "MAZUR^GRZEGORZ^K", "19510112", "Salt Lake City", "84137", "3856716870"]);
    assert!(!found(text, Kind::Phone).iter().any(|p| p.contains('`')));
    // A time anywhere in PID or PV1 is one of the patient's (a sender's death or discharge field one off).
    let text = "PID|1||00141742^^^SAIM^MR||DOE^ANN||19401007|F||||||||||||||||||||202604080153|Y\nPV1|1|I|4W^412^B^SAIM||||||||||||||||||||||||||||||||||||||202603261903|202604081643\n";
    assert_reported(text, &["202604080153", "202603261903", "202604081643"]);
    // Not a version or a count in another field.
    let text = "PID|1||00141742^^^SAIM^MR||DOE^ANN||19401007|F|||||||||||||||12345678|Y\n";
    assert!(!covers(text, "12345678"));
}

#[test]
fn wrapped_and_listed_literals_in_fixtures() {
    // A literal wrapped in a call or an array is the field's it is assigned to.
    let text = "  await prisma.patient.create({ data: {\n      mrn: 'H1958520',\n      birthDate: new Date('1956-07-29'),\n  } });\n";
    assert_reported(text, &["1956-07-29"]);
    let text = "+\t\t\tIdentifier: []fhir.Identifier{{System: ptr(mrnSystem), Value: ptr(\"331047748\")}},\n+\t\t\tName: []fhir.HumanName{{Family: ptr(\"Adebisi\"), Given: []string{\"Oluwaseun\"}}},\n+\t\t\tBirthDate: ptr(\"12/23/2003\"),\n";
    assert_reported(text, &["Adebisi", "Oluwaseun", "12/23/2003"]);
    let text = "+  var p = new Patient {\n+    BirthDate = \"1978-06-02\",\n+    Name = { new HumanName { Family = \"Etxeberria\", Given = new[] { \"Montserrat\" } } },\n+    Deceased = new FhirDateTime(\"2025-05-25\"),\n+    Address = { new Address { Line = new[] { \"9491 S Chestnut Drive\", \"Unit 4\" }, City = \"Tucson\" } },\n+  };\n";
    assert_reported(text, &["Etxeberria", "Montserrat", "2025-05-25", "9491 S Chestnut Drive", "Unit 4", "Tucson"]);
    // Key and value in turn: Spark's named_struct, Postgres' json_build_object.
    let text = "INSERT INTO dev_gold.member_dim VALUES\n  ('ZGT7559979486', named_struct('given', 'Aino', 'family', 'Nieminen'), DATE'2008-04-17', named_struct('line1', '34883 E Hawthorne Ave Apt 307', 'city', 'Fargo', 'zip', '58134'));\n";
    assert_reported(text, &["Aino", "Nieminen", "Fargo", "58134"]);
    assert!(found(text, Kind::PersonName).iter().all(|n| n != "family" && n != "given"));
    // Not a compiled pattern, nor a test case's name.
    assert_allowed("private static final Pattern MBI = Pattern.compile(\"[0-9A-Z]{11}\");\n");
    let text = "\ttests := []struct{ name string }{\n\t\t{name: \"us input\"},\n\t}\n";
    assert!(found(text, Kind::PersonName).is_empty());
}

#[test]
fn visit_times_and_literals_that_are_not_keys() {
    // `visit_ts`: a visit's time stamp is the patient's; a clinic's name before a phone
    // is a value, not the key of the phone.
    let text = "INSERT INTO visits_by_patient (mrn, visit_ts, visit_id, patient_name, dob, clinic, phone) VALUES ('15-963-107', '2026-03-05 17:07:00+0000', now(), 'Hao Wang', '1974-12-08', 'Lakeshore Community Clinic', '260-962-9554');\n";
    assert_reported(text, &["2026-03-05 17:07:00+0000", "Hao Wang", "1974-12-08", "260-962-9554"]);
}

#[test]
fn appointments_without_a_year_and_numbers_read_out() {
    let text = "Voicemail: we need the appointment on December 28 moved to the first floor. My cell is 605-653-1430, that's 6 0 5 6 5 3 1 4 3 0. Thank you.\nPatient: Ana Ruiz, DOB 03/04/1951, type 2 diabetes.\n";
    assert_reported(text, &["December 28", "6 0 5 6 5 3 1 4 3 0"]);
    let text = "Hi, this is a reminder of your appt w/ Dr. Szabo on Sat 1/16 at 10:40 AM. DOB on file: 05/09/2002.\n";
    assert_reported(text, &["1/16"]);
    assert_reported("Patient: Ana Ruiz. Time of death: 08/22/2026 at 0644. Pronounced by Dr. Lee.\n", &["08/22/2026 at 0644"]);
    // A change window's weekday and day are no one's appointment.
    assert_allowed("| CHG2702532 | Rotate MLLP TLS certs | Thu 06/06 00:12-02:12 | Low | Approved |\n| CHG7193783 | Patch SQL cluster | Mon 06/03 01:34-03:34 | Low | Approved |\n");
}

#[test]
fn a_message_under_a_requester_heading_is_not_staff() {
    let text = "Raised by: batbolds79@comcast.net   Assigned to: Khalil Al-Masri\n\nMessage from requester:\n> Now I can't log in. My name is Sarangerel Batbold, birthday 5/5/2001. Please help.\n";
    assert_reported(text, &["Sarangerel Batbold", "5/5/2001"]);
}

#[test]
fn questionnaire_answers_and_patch_values() {
    // An answer is what its item's linkId asks.
    let text = "{\n  \"resourceType\": \"QuestionnaireResponse\",\n  \"authored\": \"2025-04-01T16:07:00-05:00\",\n  \"item\": [\n    { \"linkId\": \"legal-name\", \"answer\": [{ \"valueString\": \"Itzhak S. Ben-David\" }] },\n    { \"linkId\": \"dob\", \"answer\": [{ \"valueDate\": \"1945-10-08\" }] },\n    { \"linkId\": \"mobile\", \"answer\": [{ \"valueString\": \"(520) 435-5448\" }] },\n    { \"linkId\": \"pharmacy\", \"answer\": [{ \"valueString\": \"Walgreens #18426\" }] }\n  ]\n}\n";
    assert_reported(text, &["2025-04-01T16:07:00-05:00", "Itzhak S. Ben-David", "1945-10-08", "(520) 435-5448"]);
    assert!(!covers(text, "Walgreens"));
    // A FHIRPath Patch on a Patient: the address it adds.
    let text = "{\"resourceType\": \"Parameters\", \"parameter\": [{ \"name\": \"operation\", \"part\": [\n  { \"name\": \"path\", \"valueString\": \"Patient\" },\n  { \"name\": \"value\", \"valueAddress\": { \"line\": [\"16570 Coppermine St Lot 67\"], \"city\": \"Jackson\", \"postalCode\": \"39208\" } }\n]}]}\n";
    assert_reported(text, &["16570 Coppermine St Lot 67", "Jackson", "39208"]);
}

#[test]
fn ocr_misreadings_are_read_as_meant() {
    // A fax's OCR text: `l` for `I`, `0` for `O` in labels, `O` for `0` among digits.
    let text = "| FX-236385 | PATlENT: SHlRIN TEHRANI  D0B: 10/06/1978  PH: (9O7) 284-4327  REASON: type 2 diabetes mellitus | 0.57 |\n";
    let report = scan(text);
    for part in ["SHlRIN TEHRANI", "10/06/1978", "(9O7) 284-4327"] {
        assert!(covered(&report, text, part), "{part} not reported");
    }
    // Offsets are the text's own: the match is what was written.
    let f = report.findings.iter().find(|f| f.kind == Kind::PersonName).expect("a name");
    assert_eq!(&text[f.start..f.end], "SHlRIN TEHRANI");
    // A street's `Pl` is a place, not a misread `PI`; a lower-case `l` word stays itself.
    assert_allowed("Deployed to 12 Elm Pl staging; see lsof output and the llama config.\n");
}

#[test]
fn encounter_contact_dates_and_appointment_starts() {
    let text = "PAT_ENC_CSN_ID\tPAT_MRN_ID\tPAT_NAME\tBIRTH_DATE\tCONTACT_DATE\tHOME_PHONE\n9777377469\t281687450\tKAPANADZE,DAVIT\t1959-04-29 00:00:00.000\t2026-06-26 00:00:00.000\tNULL\n";
    assert_reported(text, &["281687450", "KAPANADZE,DAVIT", "1959-04-29", "2026-06-26"]);
    let text = "  await prisma.patient.create({ data: {\n      mrn: 'H1958520',\n      appointments: { create: [{ startsAt: new Date('2026-04-29T18:45:00Z'), reason: 'Unspecified atrial fibrillation' }] },\n  } });\n";
    assert_reported(text, &["2026-04-29T18:45:00Z"]);
}

#[test]
fn java_fixtures_and_repeated_values() {
    let text = "+        Patient patient = new Patient();\n+        patient.addIdentifier().setSystem(\"http://hl7.org/fhir/sid/us-ssn\").setValue(\"643-51-4236\");\n+        patient.addIdentifier().setSystem(\"urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14\").setValue(\"MR757101\");\n+        patient.setBirthDate(new GregorianCalendar(1982, Calendar.JUNE, 18).getTime());\n+        assertThat(csv).doesNotContain(\"643-51-4236\");\n";
    assert_reported(text, &["MR757101", "1982, Calendar.JUNE, 18"]);
    // The SSN the test set, seen again in its assertion.
    let report = scan(text);
    let ssns = report.findings.iter().filter(|f| f.kind == Kind::Ssn).count();
    assert_eq!(ssns, 2, "{:?}", report.findings);
}

#[test]
fn generic_values_named_by_their_system_and_case_numbers() {
    // `value` says nothing alone; the identifier's system before it says a record number.
    let text = "+  identifier: [{ system: 'urn:mrn', value: '00471798' }],\n+  birthDate: '1942-03-18',\n";
    assert_reported(text, &["00471798"]);
    let text = "+\t\t\tIdentifier: []fhir.Identifier{{System: ptr(mrnSystem), Value: ptr(\"331047748\")}},\n+\t\t\tBirthDate:  ptr(\"12/23/2003\"),\n";
    assert_reported(text, &["331047748", "12/23/2003"]);
    // A hospice's, a medical examiner's and a pharmacy's numbers for the patient.
    assert_reported("Patient: de la Cruz, Juan Pablo     Hospice ID: HSP-878885\nME case # ME-2026-33530\nRx number: 6838153   Filled: 10/19/2026\n", &["HSP-878885", "ME-2026-33530", "6838153"]);
}

#[test]
fn x12_date_ranges_plan_dates_and_record_numbers() {
    let text = "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*P*:~\nNM1*IL*1*DOE*JANE****MI*W689187690~\nDTP*291*D8*20260503~\nCLM*PB2468881394*2885.53***11:B:1~\nDTP*434*RD8*20260805-20260813~\nREF*EA*1007298587~\n";
    assert_reported(text, &["20260503", "20260805", "20260813", "1007298587"]);
}

#[test]
fn one_long_line_is_read_to_its_end() {
    // A note pasted without its line breaks, a minified bundle, a one-line INSERT: each
    // label and name reads a bounded stretch of its line (these took seconds to minutes
    // when each read the rest of the line), and what ends the line is still found.
    let sentences = ["Patient Maria Gonzalez was seen today.", "She lives with daughter Anh.", "DOB 03/14/1962.", "Follow up with Dr. Smith.", "She reports chest pain."];
    let mut note: String = sentences.iter().cycle().take(8000).map(|s| format!("{s} ")).collect();
    note.push_str("Transfer: MRN 4417023 to the cardiology service.");
    assert!(covers(&note, "4417023"));
    let bundle: String = (0..3000).map(|i| format!(r#"{{"resourceType":"Patient","id":"{i}","name":[{{"family":"Okafor","given":["Ada"]}}],"birthDate":"1961-04-0{}"}},"#, 1 + i % 9)).collect();
    let bundle = format!(r#"{{"resourceType":"Bundle","entry":[{bundle}{{"resourceType":"Patient","birthDate":"1970-12-30"}}]}}"#);
    assert!(covers(&bundle, "1970-12-30"));
    let rows: String = (0..5000).map(|i| format!("('{}','Nguyen','Anh','1960-01-0{}'),", 1_000_000 + i, 1 + i % 9)).collect();
    let insert = format!("INSERT INTO patients (mrn,last_name,first_name,dob) VALUES {rows}('7654321','Kraus','Jonas','1950-05-05');");
    assert!(covers(&insert, "7654321"));
}

/// The labelled documents of `tests/corpus/<file>`: (id, text).
fn corpus(file: &str) -> Vec<(String, String)> {
    let path = format!("{}/tests/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(path).expect("corpus");
    data.lines()
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).expect("json line");
            (doc["id"].as_str().unwrap_or("?").to_string(), doc["text"].as_str().expect("text").to_string())
        })
        .collect()
}

#[test]
fn a_name_beside_an_account_or_a_guarantor_is_a_patient_s() {
    // A statement's returned mail: the guarantor is the person the hospital bills; a name
    // and an address beside an account number are a patient's or a relative's.
    let tsv = "account\tguarantor_name\taddress1\taddress2\tcity\tstate\tzip\tphone\n\
               6626462609\tYANG, KIA\t7592 JUNIPER HILL RD\t\tSILVER SPRING\tMD\t20969-4964\t2403634668\n";
    assert_reported(tsv, &["YANG, KIA", "7592 JUNIPER HILL RD", "SILVER SPRING", "20969-4964", "2403634668"]);
    let csv = "account,name,address1,city,zip,phone\n6626462609,Kia Yang,7592 Juniper Hill Rd,Silver Spring,20969,2403634668\n";
    assert_reported(csv, &["Kia Yang", "7592 Juniper Hill Rd", "20969", "2403634668"]);
    // A directory's contacts stay staff.
    assert_allowed("| Department | Contact | Phone |\n| Billing | Dana Whitfield | 617-555-0143 |\n");
}

#[test]
fn a_field_table_comparing_two_systems_holds_values() {
    // `||Field||Epic (source)||the clearinghouse (target)||`: each side of the comparison
    // holds the value of the field its row names.
    let page = "||Field||Epic (source)||Clearinghouse (target)||\n|Name|Volkov, Vladimir|VOLKOV, VLADIMIR|\n\
                |MRN|47712384|47712384|\n|City/State/ZIP|Fresno, CA 93782|PROVIDENCE RI 02954|\n";
    assert_reported(page, &["47712384", "PROVIDENCE", "02954"]);
    // A mapping sheet's target column names columns: `patient.name` is no patient's name.
    let sheet = "||Seg||Field||Name||Value in prod message||Target column||\n|PID|PID-5|Patient Name|TAKAHASHI^FUMIKO|patient.name|\n";
    assert!(!covers(sheet, "patient.name"));
}

#[test]
fn a_member_dump_s_names_before_the_birth_date() {
    // A dump without its CREATE TABLE: the capitalised words quoted before the first date
    // are the member's names, whatever the dictionaries say; a later date with its time is
    // the row's own stamp.
    let dump = "INSERT INTO `members` VALUES (15055,'TWL872955379','Andrés Felipe','Zapata','1986-06-29','4047687496','9327 Greenwood Ave','Decatur','GA','30015','ACTIVE','2026-11-07 10:46:04'),\
                (89382,'WA3337494M','Kerry-Ann','Gayle','F','1956-03-10','6152166200','6928 Laurel Avenue','Nashville','TN','37262','TERMED','2026-11-07 10:46:04');";
    assert_reported(dump, &["Andrés Felipe", "Zapata", "1986-06-29", "Kerry-Ann", "Gayle", "1956-03-10"]);
    assert!(!covers(dump, "2026-11-07 10:46:04"));
}

#[test]
fn an_hl7_name_in_a_log_line_s_name_field() {
    // An engine's log line: `name=` holds the whole HL7 name, not just the word a dictionary knows.
    let log = "2026-11-25 20:25:04,173 WARN  MpiLookup - no exact match for MRN MR594621 name=SUBRAMANIAN^MURUGAN dob=19660618\n";
    assert_reported(log, &["SUBRAMANIAN^MURUGAN", "MR594621", "19660618"]);
    // An error that names the patient it failed on, after the word "patient".
    let log = "2024-02-29 20:52:23.867 ERROR <Ens>ErrGeneral: Rule HL7.Router.ClinicalRoutingRule returned no target for patient SNOW, DAWN (0619678755), DOB 19720301\n";
    assert_reported(log, &["SNOW, DAWN", "0619678755", "19720301"]);
}

#[test]
fn a_code_in_parentheses_after_its_label() {
    // "driver's license (P19738414)", "MRN (00412345)", and PostgreSQL's `Key (mrn)=(...)`;
    // not the label's own words, `chart (MRN 1021650055, ...)`, nor a phone's area code.
    let email = "Hello, I have attached a photo of my driver's license (P19738414). My MRN (00412345) should be on file.\nPatient: Maria Lopez\n";
    assert_reported(email, &["P19738414", "00412345"]);
    let pg = "ERROR:  duplicate key value violates unique constraint \"patient_mrn_key\"\nDETAIL:  Key (mrn)=(00688483) already exists.\n";
    assert_reported(pg, &["00688483"]);
    let note = "Values in Adaeze Okafor's chart (MRN 1021650055, DOB 05/20/1953) do not match.\n";
    let report = scan(note);
    assert!(report.findings.iter().any(|f| &note[f.start..f.end] == "1021650055"), "{:?}", report.findings);
    assert!(!covered(&report, note, "MRN 1021650055"));
}

#[test]
fn a_copy_to_the_patient_at_home() {
    // A letter's `cc:` lists its recipients, usually staff; one at a street address is the
    // patient or a relative.
    let letter = "Patient: Budi Wijaya\nDOB: 03/04/1950\nPlan: follow up in 6 weeks.\n\
                  cc: Budi Wijaya, 160 Pinecrest Pl #18, Lewiston, ME 04256\ncc: Dr. Amara Obi, cardiology\n";
    let report = scan(letter);
    let second = letter.find("cc: Budi").expect("cc line");
    assert!(report.findings.iter().any(|f| f.start == second + 4 && &letter[f.start..f.end] == "Budi Wijaya"), "{:?}", report.findings);
    assert!(covered(&report, letter, "160 Pinecrest Pl #18") && covered(&report, letter, "04256"));
    assert!(!covered(&report, letter, "Amara Obi"));
}

#[test]
fn a_medical_examiner_s_case_and_a_town_after_in() {
    // An identifier's label without a colon ("ME case number ME-2026-68238"), and the town
    // after "in" closing the clause of a street address; not "in the lobby".
    let note = "Patient: Budi Wijaya\nMedical examiner: case accepted, ME case number ME-2026-68238.\n\
                Lives with his wife at 2575 Dogwood Ct in Allentown. Former farmer.\nMeet at 100 Main St in the lobby.\n";
    let report = scan(note);
    assert!(covered(&report, note, "ME-2026-68238") && covered(&report, note, "2575 Dogwood Ct in Allentown"));
    assert!(!covered(&report, note, "lobby"));
}

#[test]
fn a_wide_export_whose_column_names_are_identifiers() {
    // A UB-04 extract: thirteen columns named as identifiers, of which only a few are a
    // patient's; the record number and birth date columns make it a patient table.
    let csv = "FL03_PCN,FL03b_MRN,FL06_FROM,FL06_THRU,FL08_NAME,FL10_DOB,FL12_ADMIT,FL04_TOB,FL42_REV,FL44_HCPCS,FL47_CHG,FL67_PDX,DRG\n\
               HAR85148461,CH169403,04/26/2025,04/27/2025,\"LIEPINS, JANIS\",07/10/1961,04/26/2025,0111,0636,36415,51557.16,I63.9,292\n";
    assert_reported(csv, &["HAR85148461", "CH169403", "LIEPINS, JANIS", "07/10/1961"]);
    // Prose with commas stays prose.
    assert_allowed("Fields: FL03_PCN,FL06_FROM,FL08_NAME are mapped; see the spec.\nNo data here, just notes.\n");
}

#[test]
fn a_registry_s_error_sheet_by_segment_and_field_number() {
    // An Excel paste of a message's fields: the field by its segment and number (`PID` `3`),
    // or by its name (`Date of birth`).
    let sheet = "Segment\tField\tName\tValue\nMSH\t9\tMessage type\tVXU^V04^VXU_V04\nPID\t3\tPatient ID\tE9063682\n\
                 PID\t5\tPatient name\tGONCALVES^CONCEICAO^P\nZPD\t7\tDate of birth\t20161104\nRXA\t15\tLot\tGW3057\n";
    assert_reported(sheet, &["E9063682", "GONCALVES^CONCEICAO^P", "20161104"]);
    assert!(!covers(sheet, "GW3057") && !covers(sheet, "VXU^V04^VXU_V04"));
}

#[test]
fn text_pasted_from_rich_text_or_escaped_html() {
    // A CSV saved with a byte order mark, an address after a no-break space, and an email
    // whose markup was escaped: read as plain text, reported at their offsets in the original.
    let csv = "\u{feff}Member ID,Patient Name,Patient DOB\n98401187300,\"Ruiz, Ana\",07/03/2018\n";
    assert_reported(csv, &["98401187300", "Ruiz, Ana", "07/03/2018"]);
    let bullets = "Patient: Ana Ruiz\n• Old:\u{a0}667 S Hillcrest Avenue, Unit 198, Toledo, OH 43683\r\n• New\u{a0}943 S Dogwood Way, Richmond, VA 23204\r\n";
    assert_reported(bullets, &["667 S Hillcrest Avenue", "43683", "943 S Dogwood Way", "23204"]);
    let email = "From: Duc Anh Tran &lt;ducanhtran843@att.net&gt;\nSubject: ER wait\n\n\
                 I waited 10 hours.&nbsp; Call me at 253-792-1307.&nbsp; My address is 7895 Pleasant Dr, Scranton, PA 18503.\n";
    assert_reported(email, &["Duc Anh Tran", "ducanhtran843@att.net", "253-792-1307", "7895 Pleasant Dr"]);
    let report = scan(email);
    assert!(report.findings.iter().all(|f| !email[f.start..f.end].starts_with(['&', ' ', ';'])), "{:?}", report.findings);
}

#[test]
fn a_bulleted_list_with_commas_is_no_table() {
    // A de-identification guide's bullets name identifiers, comma after comma: no header, no rows.
    assert_allowed("Remove the 18 identifiers, including:\n\
        ▪ Telephone and fax numbers, email addresses, SSNs, MRNs, health plan beneficiary numbers, account numbers\n\
        ▪ Device identifiers and serial numbers, URLs, IP addresses, biometric identifiers, full-face photographs\n\n\
        Test data uses the documented examples only (SSN 123-45-6789, phone 555-0100 to 555-0199).\n");
}

#[test]
fn documented_examples_in_a_validator_s_tests() {
    // All-zero and counting ids after a short prefix, and the textbook DEA number, in their fields.
    assert_allowed("+def test_prefix_formats():\n+    assert looks_like_mrn(\"E0000000\")\n+    assert looks_like_mrn(\"MR000000\")\n\
                    +    assert looks_like_mrn(\"ABC12345\", label=\"MRN\")\n+export const DEA_EXAMPLE = 'AB1234563';\n");
}

#[test]
fn the_patient_an_appointment_reminder_greets() {
    // "Hi Mwangi, this is a reminder of your appointment ...": the greeted is the patient,
    // and "Hi" no part of the name.
    let sms = "Hi Mwangi, this is a reminder of your appointment with Dr. van den Berg on Oct 21, 2026 at 9:15 AM at Harlow County Medical Center.\n";
    let report = scan(sms);
    assert!(report.findings.iter().any(|f| &sms[f.start..f.end] == "Mwangi"), "{:?}", report.findings);
    assert!(covered(&report, sms, "Oct 21, 2026"));
    assert!(!covered(&report, sms, "van den Berg"));
}

#[test]
fn an_outreach_list_of_names_and_home_addresses() {
    // `||Name (Last, First)||Cell||Address||`: people by last and first name at home
    // addresses; a provider roster beside NPIs is not.
    let page = "Colorectal screening outreach\n\n||Name (Last, First)||Cell||Address||Language||Status||\n\
                |Babić, Tomislav|615.254.8881|91 Orchard Ln, Hialeah, FL 33010|Nepali|left VM|\n";
    assert_reported(page, &["Babić, Tomislav", "615.254.8881", "91 Orchard Ln"]);
    assert_allowed("npi,last_name,first_name,taxonomy,practice_address,city,state,office_phone\n\
                    2485019600,TUIASOSOPO,TAVITA,208D00000X,8537 Cedar Bluff St,Pikeville,KY,6063308835\n");
}

#[test]
fn corpus_documents_under_unicode_mutations_never_panic() {
    // Each labelled document with a character inserted every few characters (accents,
    // Georgian, emoji, no-break spaces, a combining accent after digits), its line breaks
    // as carriage returns or gone: byte offsets land inside characters everywhere. These
    // found slices cut inside a character (HTML cells, SQL unit prefixes, call chains)
    // and digits with a combining mark taken for a number.
    let scanner = Scanner::new(Policy::default()).expect("default policy");
    for (id, text) in corpus("corpus.jsonl").iter().step_by(3) {
        let mut variants = vec![text.replace('\n', "\r"), text.replace('\n', " ")];
        for (period, insert) in [(3, "é"), (5, "ლ"), (7, "😀"), (2, "\u{a0}"), (3, "\u{301}")] {
            variants.push(text.chars().enumerate().map(|(i, c)| if i % period == period - 1 { format!("{c}{insert}") } else { c.to_string() }).collect());
        }
        for v in &variants {
            let report = scanner.scan_text(v);
            assert!(report.findings.iter().all(|f| v.is_char_boundary(f.start) && v.is_char_boundary(f.end)), "{id}");
        }
    }
}

#[test]
fn corpus_documents_cut_anywhere_never_panic() {
    // A paste can start or end anywhere: every labelled corpus's documents, cut at many
    // places, at a low report threshold (more paths run). A MERGE's rows cut before its
    // alias list once sliced past the end.
    let low = Scanner::new(Policy::from_json(r#"{"report_threshold":0.05}"#).expect("policy")).expect("scanner");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<String> = std::fs::read_dir(dir).expect("corpus dir").filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|f| f.ends_with(".jsonl")).collect();
    files.sort();
    for file in files {
        for (n, (_, text)) in corpus(&file).iter().enumerate() {
            // Ends cut every 7 bytes; starts every 13 bytes in every other document.
            for cut in (0..text.len()).step_by(7).filter(|&c| text.is_char_boundary(c)) {
                low.scan_text(&text[..cut]);
                if n % 2 == 0 && cut % 13 == 0 {
                    low.scan_text(&text[cut..]);
                }
            }
        }
    }
}

#[test]
fn one_patient_in_a_technical_page() {
    // A PID in a string literal after code, in a test's diff.
    let text = "+        PID pid = parsePid(\"PID|1||80012^^^TST^MR||RAHMAN^RUMANA||||||||^PRN^PH^^1^208^4755670\");\n";
    assert_reported(text, &["RAHMAN^RUMANA", "208", "4755670"]);
    // An HL7 name outside any segment: in an ACK's error text in a log, in a rejected row.
    let text = "07:03:35.444 <- MSA|AE|130942763|Patient MR289484 MALIK^RABIA^F OBX-5 exceeds 64k (id=BMP)\n";
    assert_reported(text, &["MALIK^RABIA^F"]);
    let text = "[2026-05-25 00:53:52,103] {loader.py:212} ERROR - row 22304 rejected (NPI checksum): 2604182525314|W965349626|THAO^TOU^D|19490226|20260210|80053\n";
    assert_reported(text, &["THAO^TOU^D"]);
    // In its segment the HL7 reader decides: a PV1 doctor is staff, and so is a later
    // component's family name of several words.
    assert_allowed("PV1|1|I|4W^412^B||||1234567893^SMITH^JOHN^A^^^DR|\n");
    assert_allowed("FT1|1|||20260101|||71046^Chest X-ray^CPT|||1|||||||||1779803281^VIEIRA DA SILVA^CAIO^^^^MD\n");
    // Who comments on an issue or a pull request is staff.
    assert_allowed("Scoring fails for merged ED patients with no birth date.\n\nŁukasz Wójcik added a comment - 7/Oct/25 7:48 PM\nAgree, add a metric.\n");
    assert_allowed("Patient matching fails on PID-13 repetitions.\n\nSigríður Guðmundsdóttir commented on PidMapperTest.java line 47:\n> nit: use 555-01xx numbers\n");
}

#[test]
fn counts_lists_and_plurals_are_no_identifiers() {
    // A count after an article is no house number.
    assert_allowed("Patients' data: the 18 Safe Harbor identifiers include names, dates and ages over 89.\n");
    // An acronym's plural after a patient cue is no name.
    assert_allowed("Reminder: use test patients (T-range MRNs) in tickets; never paste screenshots of a chart.\n");
    // Full names separated by commas are a list, not "Last, First"; ", Sonny" is no ", son".
    let text = "Weekly sync about the patient portal.\nUs: Marisol Ávila, Salvatore Barbieri, Sonny Black\nVendor: Rajesh Sharma, Kwame Asante\n";
    assert_allowed(text);
    // With its cue a double family name still comes first.
    assert_reported("Patient: García López, María José, DOB 03/04/1950\n", &["García López, María José", "03/04/1950"]);
}

#[test]
fn callbacks_triage_typos_and_next_of_kin() {
    // The number a patient left for a call back, on a line about that patient.
    let text = "Works from our side now. One patient who got cut off last night asked for a call back from the nurse, callback number is (701) 370-8219 - forwarded to the triage RNs.\n";
    assert_reported(text, &["(701) 370-8219"]);
    // Not a line about patients in general, nor a toll-free line.
    assert_allowed("Patients who need a callback can leave their number; the callback line is 1-888-412-7700.\n");
    // A triage note typed fast: "DOB-" and a lower-case name after "patient nm:".
    let text = "ED TRIAGE  09/02 0859\npatient nm: aitor etxeberria\nDOB- 1956-05-09\nphone: 2065180996\nmeds: pantoprazole, furosemide\n";
    assert_reported(text, &["aitor etxeberria", "1956-05-09", "2065180996"]);
    assert_allowed("ED TRIAGE\npt name: see chart\nmeds: furosemide\n");
    // A next-of-kin table dumped without its columns.
    let text = "INSERT INTO `next_of_kin` VALUES (6250,'304356859','Rūta Kazlauskienė','wife','9787661711'),(9930,'32695199','Þórður Jónsson','brother','973-263-5947');\n";
    assert_reported(text, &["304356859", "Rūta Kazlauskienė", "9787661711", "973-263-5947"]);
}

#[test]
fn thread_times_test_codes_urls_and_columns_are_not_phi() {
    // A thread's headers: the author's name, two spaces, when the comment was written.
    let text = "#199271 Portal login fails after reset\n\nRosaria De Luca  May 05, 2026, 01:55\nFor example the patient (Ana Lima, DOB 11/12/1949) couldn't log in.\n\nCian Flanagan  May 05, 2026, 02:32\nThanks, we see error 4031 too.\n";
    let report = scan(text);
    assert!(covered(&report, text, "11/12/1949"));
    assert!(!covered(&report, text, "May 05, 2026, 01:55") && !covered(&report, text, "May 05, 2026, 02:32"));
    // A fixed-width row's birth date after two spaces stays one (no clock time).
    assert_reported("Census for 4 West (MRN, name, DOB):\nE4583883  GONZALEZ MARIA  03/14/1962\n", &["03/14/1962"]);
    // Numbered test codes with a short tag, a server's URL in an address field, a qualified column.
    let text = "claim_id,member_id,patient_name,dob,dos,cpt,icd10\nTESTCLM00001,TESTMBR0001,\"ZZTEST, ALPHA\",01/01/1950,01/01/2026,36415,F32.A\nC47849952902,K52896-33,\"Leung, Ka Yan\",09/30/1969,09/27/2026,99213,E11.9\n";
    let report = scan(text);
    assert!(covered(&report, text, "K52896-33") && covered(&report, text, "Leung, Ka Yan"));
    assert!(!covered(&report, text, "TESTCLM00001") && !covered(&report, text, "TESTMBR0001"));
    assert!(!covers("Patient Maria Gonzalez, DOB 03/14/1962\nserver_address: https://fhir-gw.internal:8443/fhir\n", "https://fhir-gw"));
    assert_allowed("WHEN NOT MATCHED THEN INSERT (Mbi, MemberId, FullName, BirthDate, Zip)\n     VALUES (src.Mbi, src.MemberId, src.FullName, src.BirthDate, src.Zip);\n");
    // Jira's details copied as a wiki table of bold labels and values: each label names its value.
    let text = "| *Created* | Apr 8, 2026, 5:48 am | *Status* | Waiting for support |\n| *Reporter* | Ana Lima | *Patient* | Maria Gonzalez |\n| *DOB* | 03/14/1962 | *MRN* | 00412345 |\n";
    let report = scan(text);
    assert!(["Maria Gonzalez", "03/14/1962", "00412345"].iter().all(|p| covered(&report, text, p)));
    assert!(!covered(&report, text, "Apr 8, 2026") && !covered(&report, text, "Ana Lima"));
    // A clinic's mailboxes for refills, news and appointments are nobody's.
    let text = "From: Ana Lima <ana.lima77@gmail.com>\nTo: refills@lakeviewcc.org\nCc: citas@kapshores.org, news@northgatekids.org\nSubject: metformin refill\n\nMy DOB is 03/14/1962.\n";
    let report = scan(text);
    assert!(covered(&report, text, "ana.lima77@gmail.com"));
    assert!(["refills@", "citas@", "news@"].iter().all(|p| !covered(&report, text, p)));
    // Capitals no dictionary knows as names are keywords, even after "patients".
    let text = "BEGIN;\nTRUNCATE patients RESTART IDENTITY CASCADE;\nINSERT INTO patients (mrn, full_name, dob) VALUES ('8795479', 'Birtukan Tadesse', '2001-09-07');\n";
    let report = scan(text);
    assert!(covered(&report, text, "Birtukan Tadesse") && !covered(&report, text, "RESTART"));
    // A page's title dates the page; a birth date under it is still one.
    let text = "# Hospital medicine census - November 27, 2026

|| Patient || DOB || MRN ||
| Ana Lima | 03/14/1962 | 00412345 |
";
    let report = scan(text);
    assert!(covered(&report, text, "03/14/1962") && !covered(&report, text, "November 27, 2026"));
    let text = "h1. Post-incident review 2026-01-19
Patient Maria Gonzalez, DOB 03/14/1962, MRN 00412345, was affected.
";
    let report = scan(text);
    assert!(covered(&report, text, "03/14/1962") && !covered(&report, text, "2026-01-19"));
}

/// Minimal PHI written in a hurry (the fresh12 corpus): one or two identifiers, typed fast;
/// and the test patients and holidays that must stay quiet.
#[test]
fn minimal_phi_written_in_a_hurry() {
    // A record number quoted after its HL7 field in a log line; an abbreviated member label.
    assert_reported("2026-11-11 22:21:39,828 WARN  [mllp-in-2] MpiLookup - no match for PID-3 '7595735' (assigning authority NVH), holding msg\n", &["7595735"]);
    assert_reported("Claim denied again for mbr id H22293346 — caller says it was preauthed.\n", &["H22293346"]);
    // psql's grid of two columns (one bar) under its `----+----` rule.
    assert_reported("emr=> select mrn, admit_dt from adt.visit where visit_id = 21290;\n   mrn    |      admit_dt\n----------+---------------------\n 80304306 | 2026-11-12 09:45:00\n(1 row)\n", &["80304306", "2026-11-12 09:45:00"]);
    // A FHIR reference's display in a diff hunk names the patient.
    assert_reported("   \"subject\": {\n     \"reference\": \"Patient/pt-ed-01\",\n-    \"display\": \"ZZTEST, ED\"\n+    \"display\": \"Edwin M.\"\n   },\n", &["Edwin M."]);
    // A name on a line whose fields give an age and sex; an age right after a name.
    assert_reported("ED TRIAGE\nName: Murugan Subramaniam   Age: 24   Sex: M\nHx: hypothyroidism; meds levothyroxine\n", &["Murugan Subramaniam"]);
    assert_reported("pt Sophal Sok 40 y/o s/p CABG, f/u 4 wks w/ Dr. Farouk\n", &["Sophal Sok"]);
    assert_reported("- guy in bed 32, Kahananui, s/p PCI — f/u AM labs, NPO after MN\n", &["Kahananui"]);
    // One person's age over 89 ("93 y/o"), with health words, needs no name.
    assert_reported("93 y/o F from NH w/ UTI, AMS. started ceftriaxone, UA/UCx sent.\n", &["93 y/o"]);
    // A call back to a patient's family; not a clinic's number with its extension.
    assert_reported("Portal team: please call back pt's daughter at (602) 670-4175 re proxy access.\n", &["(602) 670-4175"]);
    assert!(!covers("Patient got a letter from the wrong office. Callback for the clinic: 404-544-1844 ext 7146\n", "404-544-1844"));
    // Test patients (`ZZ` names, padded test-series numbers, Jane Doe) and holidays.
    assert_allowed("- test patients only in TST: ZZTEST^ALPHA (MRN T0000101), ZZTEST^BRAVO (MRN T0000102), SSN 123-45-6789 on both\n- go-live target 2026-12-24\n");
    assert_allowed("Vendor: Lena Hoffmann <lena.hoffmann@corvalent.io>\n- they will send test files with their usual dummy member (Jane Doe, 555-0142)\n- SFTP host moving on 2026-12-12\n");
    assert_allowed("Holiday coverage 2026\n- Christmas Eve (2026-12-24): Sunil Menon / backup Will Chase\n- New Year's Day (2027-01-01): Colleen Murphy / backup Kevin Tran\n");
    // (But a real member id that starts with ZZ is one.)
    assert_reported("PATIENT|MEMBER_ID|DOB\nZHANG,XIUYING|ZZA 8642 097677|19620314\n", &["ZZA 8642 097677"]);
    // A name with an initial, then an age; a name, a dash and a condition; ", dialysis pt".
    assert_reported("Ivy P. 57yo F s/p hip ORIF POD1, doing ok, d/c tmrw if H/H stable\n", &["Ivy P"]);
    assert_reported("Escalations\n- Zanele N. — hip fracture, readmitted within 30d, CM aware (@tamsin.grant)\n", &["Zanele N"]);
    assert!(!covers("1. COPD — continue tiotropium\n2. HCM — flu shot today\n", "HCM"));
    assert_reported("[10:18] Hana: got a caller, this lady, Björk Jónsdóttir, dialysis pt, says transport didn't show\n", &["Björk Jónsdóttir"]);
    // "pls call" a number on a line about one patient's family.
    assert_reported("TC from pt's son, asking re levothyroxine refill, pls call 503 203 8661 after 3pm. LO\n", &["503 203 8661"]);
    // A name typed in lower case after "pt" or "patient" (past particles); not two common words.
    assert_reported("pt sophal sok 40 y/o s/p CABG, f/u 4 wks w/ Dr. Farouk\n", &["sophal sok"]);
    assert_reported("hi team,\n\npatient maarten van den heuvel called front desk agian, cant log in\n", &["maarten van den heuvel"]);
    assert_allowed("pt will rose early today, see the onboarding page\n");
    // A FHIR HumanName in a diff hunk, its resource out of view, is a patient's; not the Jane of Jane Doe.
    let hunk = "@@ -10,1 +10,1 @@ def test_name_mapping\n-      \"name\": [{\"use\": \"official\", \"family\": \"Doe\", \"given\": [\"Jane\"]}],\n+      \"name\": [{\"use\": \"official\", \"family\": \"Gelashvili\", \"given\": [\"Natia\"]}],\n";
    assert_reported(hunk, &["Gelashvili", "Natia"]);
    assert!(!covers(hunk, "Jane"));
    assert_allowed("{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Doe\", \"given\": [\"Jane\"]}]}\n");
    // A home or mobile phone in a FHIR hunk whose resource is out of view is a patient's; not a
    // Practitioner's, nor a work number.
    let telecom = "@@ -18,7 +18,7 @@\n   \"telecom\": [\n     {\n       \"system\": \"phone\",\n-      \"value\": \"2012965406\",\n+      \"value\": \"201-296-5406\",\n       \"use\": \"mobile\"\n     }\n";
    assert_reported(telecom, &["2012965406", "201-296-5406"]);
    assert_allowed(&telecom.replace("mobile", "work"));
    assert_allowed(&format!("{{\"resourceType\": \"Practitioner\",\n{}   ]\n}}\n", telecom.replace("@@ -18,7 +18,7 @@\n", "")));
    // A name compared in a WHERE on a table of patients or their visits is a patient's.
    let query = "ran this for the double-bill complaint:\n\nSELECT enc_id, svc_date\n  FROM billing.encounter\n WHERE last_name = 'OSPINA'\n   AND first_name = 'YEISON';\n";
    assert_reported(query, &["OSPINA", "YEISON"]);
    assert_allowed(&query.replace("billing.encounter", "ops.deploy_log"));
    // (The table of the nearest FROM: not a statement's before it.)
    assert_allowed(&query.replace("SELECT enc_id", "SELECT 1 FROM billing.encounter\nSELECT enc_id").replace("FROM billing.encounter\n WHERE", "FROM ops.deploy_log\n WHERE"));
    // A fixture's PID of test values only (ids, name, birth date) is no patient's record: the
    // reviewer's name after it is nobody's patient; in a string literal too, read as table cells.
    let fixture = "+    'PID|1||T0000042^^^TEST^MR||ZZTEST^PATIENT||19000101|U\\r'\n+)\n\nKeith Lam approved\nFatima Zahra Idrissi: ship it\n";
    assert_allowed(fixture);
    assert_allowed(&fixture[6..].replace("\\r'", ""));
    // (One real value in it is a record: the name in it is reported.)
    assert_reported(&fixture.replace("ZZTEST^PATIENT", "NAKAMURA^KEIKO"), &["NAKAMURA", "KEIKO"]);
    // After an honorific, a surname that is a common word, or typed in lower case; not milliseconds.
    let handoff = "handoff 7p\n5 - Mr. Rivers, pyelonephritis, on ceftriaxone, AM BMP\n6 - empty\n";
    assert_reported(handoff, &["Rivers"]);
    assert_reported(&handoff.replace("Mr. Rivers", "ms. núñez"), &["núñez"]);
    assert!(!covers("p95 went from 390 ms. núñez asked why; cellulitis rule fires twice\n", "núñez"));
    // A name in parentheses after a record number, in either case; not common words, nor after a hash.
    assert_reported("A08 for E9389118 (hao liu) bounced again, AR on PID-5 length? @dmitri.orlov pls look\n", &["E9389118", "hao liu"]);
    assert_allowed("build B20261104 (will rose) failed on the agent again\n");
    assert!(found("reverted 9f8e7d6c5b4a (hao liu) on main\n", Kind::PersonName).is_empty());
    // A generic column takes its table's role: a number set in a patient's phone table.
    let update = "update dbo.PatientPhone set Number='3473926444' where PatientPhoneID=979972 -- wrong # on file, hunter\n";
    assert_reported(update, &["3473926444"]);
    assert_allowed(&update.replace("3473926444", "2125550142"));
    assert_allowed(&update.replace("dbo.PatientPhone", "ops.RetryPolicy"));
    // A given name in capitals after a surname that is not in capitals is an acronym, not a name.
    let bed = "bed 4: Mrs. Hill, CHF exacerbation, on furosemide\n";
    assert_eq!(found(bed, Kind::PersonName), vec!["Hill".to_string()]);
    assert!(found("Pt from Mesa, AZ, with CHF\n", Kind::PersonName).is_empty());
}

#[test]
fn a_claim_line_pasted_without_its_header() {
    // A comma row with a procedure and a diagnosis code is a patient's claim: its name, member
    // id, dates and claim number are reported.
    let row = "payer kicked back this line -\n2025176851762,MBR88591966,\"Egal, Hassan H\",01/08/1973,08/30/2026,85025,M17.11,2,113.87,53.22,0.00,PENDED\n";
    assert_reported(row, &["2025176851762", "MBR88591966", "Egal, Hassan H", "01/08/1973", "08/30/2026"]);
    assert_reported("this row fails the 837 validator (SV1 missing?):\n\"STE130905302\",\"99214\",\"S72.001A\",\"593.00\",\"1132590260\"\n", &["STE130905302"]);
    // Not a fee schedule's row (a HCPCS code is no diagnosis; a description is no name), nor a
    // row of test values.
    assert_allowed("cpt_hcpcs,modifier,description,allowed,effective\nG0439,26,\"annual wellness visit, subsequent\",3043.64,2027-01-01\n97110,26,therapeutic exercise,3966.38,2027-01-01\n");
    assert_allowed("fixture row for the validator test:\n\"TEST00000001\",\"99213\",\"E11.9\",\"100.00\",\"1234567893\"\n");
}

#[test]
fn a_writer_s_introduction_and_a_record_number_in_groups() {
    // A message that opens with the writer's introduction, the verb first ("Soy", "Sono").
    let text = "Soy Luis Núñez, fecha de nacimiento 20/03/2000. Necesito cambiar mi cita del lunes.\n";
    assert_reported(text, &["Luis Núñez", "20/03/2000"]);
    assert_eq!(found(text, Kind::PersonName), vec!["Luis Núñez".to_string()]);
    // Who phoned, in prose; not a form's "Caller:" field, often staff's.
    assert_reported("Caller Nikolaos Papadopoulos says he paid online on 11/06/2026 but the statement still shows the balance.\n", &["Nikolaos Papadopoulos"]);
    assert_allowed("Caller: Megan Oneil   Category: Interfaces\nThe ADT feed to the lab system stopped at 02:10.\n");
    // A record number in parentheses after a name, its digits in groups; not a phone or a date.
    assert_reported("Forwarding for the chart:\nSunita Iyer (463-408-170)\n", &["Sunita Iyer", "463-408-170"]);
    assert!(found("Paged Sunita Iyer (617-555-0199) about the build\n", Kind::PersonName).is_empty());
}

#[test]
fn hard_clean_pages_stay_quiet() {
    // The HL7 standard's own example patient, quoted in a bug: test values throughout its PID.
    let spec = "Reproduced with the example message from the HL7 v2.5 standard (not a patient):\n```\nMSH|^~\\&|ADT1|GOOD HEALTH HOSPITAL|GHH LAB, INC.|GOOD HEALTH HOSPITAL|198808181126|SECURITY|ADT^A01^ADT_A01|MSG00001|P|2.5\nPID|||555-44-4444||EVERYMAN^ADAM^A^III||19610615|M||C|2222 HOME STREET^^GREENSBORO^NC^27401-1020|GL|(555) 555-2004|(555)555-2004||S||PATID12345001^2^M10^ADT1^AN^A|444333333|987654^NC|\n```\n";
    assert_allowed(spec);
    // (A real patient's PID beside it is reported.)
    assert_reported(&format!("{spec}PID|||E8812001||NAKAMURA^KEIKO||19610615|F\n"), &["E8812001", "NAKAMURA", "KEIKO"]);
    // An INSERT with bind parameters quoted in an exception holds no one's record: the commenters
    // below are staff, not a patient's contacts.
    assert_allowed("SQL [INSERT INTO EHR.PATIENT (MRN, LAST_NAME, FIRST_NAME, DOB) VALUES (?, ?, ?, ?)];\nORA-00001: unique constraint (EHR.PK_PATIENT) violated; bind values: ['000000', 'TEST', 'PATIENT', 1900-01-01]\n\n**Comment** — Emeka Obiora — 2026-11-03 03:21\nRepro'd on ehrapi-uat-06.\n");
    // A sentence's last word is no cue for the next one's first ("… not a patient. Pin …").
    assert!(found("That is the standard's example, not a patient. Pin validator 7.8.3 until the IG is loaded.\n", Kind::PersonName).is_empty());
    // A facility's address in a directory or in meeting notes, with health words about.
    assert_allowed("Site directory (order sets, sepsis bundle, vancomycin dosing owners below)\n||Site||Address||Main number||\n|Mesa Verde Health System|3300 Sandstone Blvd, Ridgecrest, AZ 85012|(602) 884-3000|\n|Harborview Valley Clinic|77 Quayside Drive, Bellmere, MA 02118|(617) 639-1100|\n");
    assert_allowed("- Go-live; command center in the Northgate Children's Hospital boardroom, 2500 Kestrel Avenue, Northgate, OR 97209.\n- Sepsis order set and vancomycin dosing go live with it.\n");
    // An HL7 name is its family, given and middle names and suffix: not its type code, nor a degree
    // alone (`PID|||||^^^^^USA` in a parser's bug report).
    let pid = "PID|1||E8812001^^^H^MR||PERETZ^EITAN^^^^L||19990101|M\r";
    assert_eq!(found(pid, Kind::PersonName), vec!["PERETZ^EITAN".to_string()]);
    assert_allowed("NPE in PidSegmentMapper when PID-11 has only a country:\n```\nPID|||||^^^^^USA\n```\n");
    // Three capitals no dictionary knows are no name before a count: "2,339 SMS, 1,692 emails".
    assert!(found("Job id ba93597e on claims-uat-07. Reminders sent before the crash: 2,339 SMS, 1,692 emails.\n", Kind::PersonName).is_empty());
    // A keyword argument's quoted value ends before its comma.
    let call = "+    p = make_patient(family='Nakamura', given='Keiko', birth_date='1961-06-15')\n";
    assert_eq!(found(call, Kind::PersonName), vec!["Nakamura".to_string(), "Keiko".to_string()]);
    assert_allowed(&call.replace("Nakamura", "Patient").replace("Keiko", "Test").replace("1961-06-15", "1900-01-01"));
}

#[test]
fn a_person_s_date_with_its_time() {
    // Clarity's `hosp_admsn_time`, an encounter's `admitTime`, `appt_time`: the date of an admission,
    // a discharge or a visit with its time, in a column or key named so.
    let sql = "INSERT INTO pat_enc (pat_mrn_id, pat_name, birth_date, hosp_admsn_time, hosp_disch_time) VALUES ('E1807599', 'DOGAN,CAGRI', TO_DATE('2007-02-27', 'YYYY-MM-DD'), TO_DATE('2026-08-21 21:56', 'YYYY-MM-DD HH24:MI'), TO_DATE('2026-08-25 08:43', 'YYYY-MM-DD HH24:MI'));\n";
    assert_reported(sql, &["2026-08-21 21:56", "2026-08-25 08:43"]);
    assert_reported("{\"patient\":{\"mrn\":\"80304306\"},\"encounter\":{\"csn\":\"8271034044\",\"admitTime\":\"2024-03-05T01:19:00\"}}\n", &["2024-03-05T01:19:00"]);
    // (A row's creation time is no one's date.)
    assert!(!covers("INSERT INTO pat_enc (pat_mrn_id, created_time) VALUES ('E1807599', '2026-08-25 08:43');\n", "2026-08-25 08:43"));
}

#[test]
fn tool_output_pasted_verbatim() {
    // A validator's report on a test message: the rule's date after the test birth date is no one's.
    assert_allowed("PID|1||T0000123^^^NIST-MPI-1^MR||ZZTEST^CHARLIE^^^^^L||19000101|F\nError    PID-7    Birth date 19000101 is before 1901-01-01 (IZ-AD rule)\n");
    // A Postman example response of a test patient (family `Zztest`), escaped in a JSON string.
    let body = r#"{"name": "example", "body": "{\"resourceType\":\"Patient\",\"id\":\"tst-1\",\"name\":[{\"family\":\"Zztest\",\"given\":[\"Alpha\"]}],\"birthDate\":\"1900-01-01\",\"address\":[{\"line\":[\"123 Test St\"],\"city\":\"Anytown\",\"postalCode\":\"00000\"}]}"}"#;
    assert_allowed(body);
    // (But a diff that replaces a test patient with a real one shows the real one.)
    let diff = " {\n   \"resourceType\": \"Patient\",\n   \"name\": [\n     {\n-      \"family\": \"Test\",\n-      \"given\": [\"Patient\"]\n+      \"family\": \"Rodríguez\",\n+      \"given\": [\"Guadalupe\"]\n     }\n   ],\n+  \"birthDate\": \"1966-10-16\"\n }\n";
    assert_reported(diff, &["Rodríguez", "Guadalupe", "1966-10-16"]);
    // A test server's test record in newman's output; a scanner's QA phantom in a DICOM dump.
    assert_allowed("→ Read patient\n  GET https://fhir-tst.mercylakes.org/R4/Patient/tst-1 [200 OK, 812B, 113ms]\n");
    // A reference to one patient's record makes the phones and addresses beside it the patient's:
    // jq's diff of two servers' copies; an audit query's grid, whose actors are staff.
    let jq = "$ diff <(curl -s $PROD/Patient/0319836705 | jq -S .) <(curl -s $DR/Patient/0319836705 | jq -S .)\n25c25\n<       \"value\": \"401-789-1311\",\n---\n>       \"value\": \"808-445-8861\",\n42c42\n<       \"postalCode\": \"01657\"\n---\n>       \"postalCode\": \"01607\"\n";
    assert_reported(jq, &["401-789-1311", "808-445-8861", "01657", "01607"]);
    let audit = "# Audit: kiosk writes to Patient/169380\n\n           Time           |       Actor        |         Path          |       Old value       |      New value\n--------------------------+--------------------+-----------------------+-----------------------+---------------------\n 2024-03-05T16:14:27.542Z | Mai Đặng           | /telecom/0/value      | 718-512-7825          | 301-451-4984\n 2024-03-05T16:14:29.930Z | Agnieszka Kowalska | /address/0/line/0     | 527 Pulaski Pl Apt 12 | 5183 Harbor View Pl\n";
    assert_reported(audit, &["718-512-7825", "301-451-4984", "527 Pulaski Pl Apt 12"]);
    assert!(!covers(audit, "Mai Đặng") && !covers(audit, "Agnieszka Kowalska"));
    // A log explorer's CSV export whose message cell is JSON with its quotes doubled.
    let csv = "Date,Host,Service,Status,Message\n2026-08-02T11:03:34.263Z,notify-worker-3,reminders,warn,\"{\"\"event\"\": \"\"sms.delivery_failed\"\", \"\"patient\"\": {\"\"mrn\"\": \"\"5346964\"\", \"\"name\"\": \"\"Abebe Tesfaye\"\", \"\"phone\"\": \"\"+13052331545\"\"}}\"\n";
    assert_reported(csv, &["5346964", "Abebe Tesfaye", "+13052331545"]);
    // A FHIR search for one patient by identifier (not by a system alone, or a test record's).
    assert_reported("→ Get patient by MRN\n  GET https://fhir-stage.oakprairiemg.com/R4/Patient?identifier=0775203541 [200 OK, 1.9kB, 244ms]\n", &["https://fhir-stage.oakprairiemg.com/R4/Patient?identifier=0775203541"]);
    assert_allowed("  GET https://fhir-tst.mercylakes.org/R4/Patient?identifier=urn:oid:2.16.840.1.113883.19.5|T0000123 [200 OK, 1.1kB, 294ms]\n");
    // An X12 viewer's tree: a loop's title (`Loop ISA`) before the interchange header.
    let x12 = "Loop ISA     Interchange Control Header\n    ISA*00*          *00*          *ZZ*SUBRFC         *ZZ*CLEARINGHOUSE  *240608*0847*^*00501*184158073*0*P*:~\nLoop 2100C   Subscriber Name\n    NM1*IL*1*IYER*ANANYA****MI*H78534194Z~\n        NM103  Name Last or Organization Name ....... IYER\n    DMG*D8*19460128*F~\n";
    assert_reported(x12, &["IYER", "ANANYA", "H78534194Z", "19460128"]);
    // A portal link's `pat=` parameter.
    assert_reported("Log in at https://mychart.cedarvalleyhealth.org/MyChart/Results?pat=778-22-77&tok=636fbb4bf955a86a to see them.\n", &["https://mychart.cedarvalleyhealth.org/MyChart/Results?pat=778-22-77&tok=636fbb4bf955a86a"]);
    // SQL Server's datetime with its fraction of a second; a snake-case label's `_time`.
    let ssms = "MRN      PAT_NAME          BIRTH_DATE              HOSP_ADMSN_TIME\n-------- ----------------- ----------------------- -----------------------\n41746913 JUNG, EUN-JI      2012-10-10 00:00:00.000 2026-08-22 01:23:00.000\n";
    assert_reported(ssms, &["2012-10-10 00:00:00.000", "2026-08-22 01:23:00.000"]);
    assert_reported("MRN: 123456\nadmit_time: 2024-02-20 13:00:00\n", &["2024-02-20 13:00:00"]);
    // An X12 viewer's element lines are data, not a table's header; its `[ISA]` title is no separator.
    let tree = "[ISA] Interchange Control Header\n    ISA*00*          *00*          *ZZ*SUBCVH         *ZZ*CLEARINGHOUSE  *260711*0755*^*00501*910213051*0*P*:~\n    NM1*IL*1*CHOI*JI-WOO****34*059829757~\n        NM103  Name Last or Organization Name       CHOI\n    PER*IP**HP*9735051275~\n        PER01  Contact Function Code                IP  (Insured Party)\n        PER03  Communication Number Qualifier       HP  (Home Phone)\n    N3*4615 Sycamore St Unit 3~\n        N301   Address Information                  4615 Sycamore St Unit 3\n";
    assert_reported(tree, &["CHOI", "JI-WOO", "4615 Sycamore St Unit 3"]);
    assert!(!covers(tree, "Communication Number Qualifier") && !covers(tree, "Address Information"));
    // First name unknown, a totals row, a subscriber who is the patient: no one's name.
    let csv = "\"Patient Name\",\"DOB\",\"Phone\"\n\"Wiranto, FNU\",\"1957-12-14\",\"614-593-7451\"\n\"Grand Total\",\"\",\"\"\n";
    assert_reported(csv, &["Wiranto"]);
    assert!(!covers(csv, "Grand Total"));
    assert!(!covers("{\"subscriber\": {\"name\": \"Mulyono\", \"given\": \"FNU\", \"dob\": \"1960-02-06\", \"relationship\": \"self\"}}\n", "self"));
    // (Not an API's documented `Patient/{id}` or a test record.)
    assert_allowed("GET /Patient/{id} returns 404 for Patient/tst-1.\nDBA on duty: 401-789-1311\n");
    assert_allowed("(0010,0010) PN [QA^WATER^PHANTOM]                       #  16, 1 PatientName\n(0010,0020) LO [QA-PHANTOM-17]                          #  14, 1 PatientID\n");
}

#[test]
fn big_pastes_are_read_to_their_end() {
    // A dump of many statements: the last one's values are found (the searches for
    // `INSERT [`, `VALUES` and `SELECT` move along the dump instead of restarting).
    let mut dump = String::new();
    for i in 0..3000 {
        dump.push_str(&format!("INSERT INTO audit_events (event_id, note) VALUES ({i}, 'batch {i}');\n"));
    }
    dump.push_str("INSERT INTO patients (mrn, last_name, dob) VALUES ('84120577', 'Okonkwo', '1958-02-11');\n");
    assert_reported(&dump, &["84120577", "Okonkwo", "1958-02-11"]);
    // An UPDATE script without semicolons (SQL Server batches).
    let mut script = String::new();
    for i in 0..2000 {
        script.push_str(&format!("UPDATE dbo.Jobs SET status = 'done' WHERE job_id = {i}\nGO\n"));
    }
    script.push_str("UPDATE dbo.Patient SET HomePhone = '(415) 931-2870', LastName = 'Ferreira' WHERE MRN = '30021877'\nGO\n");
    assert_reported(&script, &["(415) 931-2870", "Ferreira", "30021877"]);
}

#[test]
fn html_rows_without_their_closing_tags() {
    // HTML may leave out `</tr>` and `</td>`: a row ends where the next begins.
    let mut page = String::from("<table><tr><th>Patient</th><th>DOB</th><th>Notes</th>\n");
    for (name, dob) in [("Maria Gonzalez", "03/14/1962"), ("Anh Nguyen", "11/02/1948"), ("Oluwaseun Okafor", "07/30/1971")] {
        page.push_str(&format!("<tr><td>{name}<td>{dob}<td>follow-up\n"));
    }
    page.push_str("</table>");
    let report = scan(&page);
    for part in ["Maria Gonzalez", "Anh Nguyen", "Oluwaseun Okafor", "03/14/1962", "07/30/1971"] {
        assert!(covered(&report, &page, part), "{part} not reported");
    }
    assert!(!covered(&report, &page, "follow-up"));
}

#[test]
fn hl7_viewer_field_trees() {
    // A message viewer's tree, a wiki table of positions, a segment browser and Cloverleaf's
    // trace: each value takes its field's role.
    let tree = "PID\n  PID-3.1    ID Number                          8511911\n  PID-5.1    Family Name                        OKAFOR\n  PID-11.3   City                               Dorchester\n  PID-11.5   Zip or Postal Code                 02144\n  PID-18     Patient Account Number             31741597\n";
    assert_reported(tree, &["8511911", "OKAFOR", "02144", "31741597"]);
    let table = "||Field||Name||Value||\n| PID-3.1 | Patient Identifier List / ID Number | 27226983 |\n| PID-7 | Date/Time of Birth | 19480611 |\n| PID-11.5 | Patient Address / Zip or Postal Code | 64016 |\n";
    assert_reported(table, &["27226983", "19480611", "64016"]);
    let browser = "Segment PID\n    PID.3.1 ID Number: 30139981\n    PID.5.1 Family Name: MAGALHAES\n    PID.7 Date/Time of Birth: 19720301\n";
    assert_reported(browser, &["30139981", "MAGALHAES", "19720301"]);
    // HealthShare's virtual property paths name the fields and components; an identifier's
    // type and authority, the sex and the state are not identifiers.
    let trace = "PID:PatientIdentifierList(1).IDNumber = 0619678755\nPID:PatientIdentifierList(1).IdentifierTypeCode = MR\nPID:PatientName(1).FamilyName = SNOW\nPID:PatientName(1).SecondAndFurtherGivenNamesOrInitialsThereof = G\nPID:DateTimeOfBirth = 19720301\nPID:AdministrativeSex = F\nPID:PatientAddress(1).StreetAddress = 2853 Kalakaua Pl\nPID:PatientAddress(1).StateOrProvince = MA\nPID:PatientAddress(1).ZipOrPostalCode = 02136\nPID:PhoneNumberHome(1).TelephoneNumber = (508)850-3414\nPV1:VisitNumber(1).IDNumber = 3460114356\nOBX:DateTimeOfTheObservation = 202505091912\n";
    assert_reported(trace, &["0619678755", "SNOW", "19720301", "2853 Kalakaua Pl", "02136", "(508)850-3414", "3460114356", "202505091912"]);
    let r = scan(trace);
    assert!(r.findings.iter().all(|f| !["MR", "F", "MA"].contains(&&trace[f.start..f.end])), "{:?}", r.findings);
    // A mapping specification's rules are not values.
    assert_allowed("||HL7||Our field||Rule||\n|PID-3.1|patient.mrn|required, 7-10 digits|\n|PID-7|patient.birth_date|YYYYMMDD only, reject partial dates|\n|PID-11|Patient Address|XAD|RE|\n");
    assert_allowed("PID-3.1    ID Number\nPID-5.1    Family Name\nPID-7      Date/Time of Birth\n");
}

#[test]
fn plain_date_columns_under_patients_are_their_care() {
    // Markdown, CSV and HTML: a `Last A1c Date` or bare `Date` beside a member id is the
    // patient's, and so is a mysql `\G` row's `appt_start`.
    let md = "| Patient | Member ID | Last A1c | Last A1c Date |\n|---|---|---|---|\n| Wei Chen | H47261348N | 11.3 | 05/03/2024 |\n";
    let csv = "Member ID,Date,Reason\nH47261348N,04/20/2024,follow-up\n";
    let html = "<table><tr><th>Patient</th><th>MRN</th><th>Date</th></tr><tr><td>Wei Chen</td><td>4416203</td><td>11/11/2025</td></tr></table>";
    let mysql = "*************************** 1. row ***************************\n patient_mrn: M213134626\n  appt_start: 2024-02-20 13:00:00\n";
    for (text, date) in [(md, "05/03/2024"), (csv, "04/20/2024"), (html, "11/11/2025"), (mysql, "2024-02-20")] {
        assert!(covers(text, date), "{date} not reported in {text}");
    }
    // Named technical dates stay technical, and so does a date column of releases or payments.
    let releases = "| Version | Release Date | Notes |\n|---|---|---|\n| 4.12.7 | 05/03/2024 | HL7 parser fixes |\n";
    assert_allowed(releases);
    let remit = "payer,member_id,check_date,paid\nAnthem Blue Cross,H47261348N,2026-11-06,120.00\n";
    assert!(covers(remit, "H47261348N") && !covers(remit, "2026-11-06"));
}

#[test]
fn psql_expanded_display() {
    // `\x`: one `key | value` line per column under each `-[ RECORD n ]-` rule.
    let text = "ehr=> \\x\nExpanded display is on.\nehr=> SELECT * FROM patient WHERE mrn = '5829860';\n-[ RECORD 1 ]-+-----------------\npatient_id    | 243052\nmrn           | 5829860\nfamily_name   | Dąbrowski\ngiven_name    | Wojciech\nbirth_date    | 1989-11-19\nphone_home    | 808-475-9497\n\nehr=>\n";
    assert_reported(text, &["5829860", "Dąbrowski", "Wojciech", "1989-11-19", "808-475-9497"]);
    // A server's own rows stay allowed.
    assert_allowed("-[ RECORD 1 ]----+------------------------------\ndatname          | ehr\nusename          | app_rw\nclient_addr      | 10.20.30.41\nbackend_start    | 2026-11-20 11:15:32.1+00\nstate            | idle in transaction\nquery            | SELECT 1\n");
}

#[test]
fn aligned_labels_and_viewer_label_cells() {
    // A rendered C-CDA's header, as text and as its HTML (label cells are `<td>`s).
    let text = "Patient              Youssef Al-Amin\nDate of birth        June 8, 1936\nPatient-ID           M445823238 (PBH)\n";
    assert_reported(text, &["Youssef Al-Amin", "June 8, 1936", "M445823238"]);
    let html = "<table class=\"header_table\"><tbody>\n<tr><td class=\"td_label\">Patient</td><td>Hawa Hirsi</td></tr>\n<tr><td class=\"td_label\">Patient-ID</td><td>41889532 (CVH)</td></tr>\n</tbody></table>";
    assert_reported(html, &["Hawa Hirsi", "41889532"]);
    // A column header's next cell is a label, not a value; a two-column table with a header
    // row keeps its columns.
    let grid = "MRN          DOB\n";
    assert!(scan(grid).findings.is_empty(), "{:?}", scan(grid).findings);
    let listed = "<table><tr><th>Service</th><th>Owner</th></tr><tr><td>Patient</td><td>Interfaces team</td></tr></table>";
    assert_allowed(listed);
}

#[test]
fn box_drawn_grids() {
    // sqlite's `.mode box` (DuckDB and psql's unicode style draw the same).
    let text = "sqlite> .mode box\nsqlite> SELECT mrn, patient_name, dob FROM visit_queue;\n┌────────────┬──────────────┬────────────┐\n│    mrn     │ patient_name │    dob     │\n├────────────┼──────────────┼────────────┤\n│ 2760979692 │ Tariq Haddad │ 02/18/1933 │\n└────────────┴──────────────┴────────────┘\n";
    assert_reported(text, &["2760979692", "Tariq Haddad", "02/18/1933"]);
    assert_allowed("┌──────────┬─────────┐\n│ table    │ rows    │\n├──────────┼─────────┤\n│ patient  │ 1204331 │\n│ encounter│ 9120044 │\n└──────────┴─────────┘\n");
}

#[test]
fn columns_named_by_hl7_field_positions() {
    // A Splunk search's `table _time host PID_3 PID_5 error`, as Markdown and as tab-separated text.
    let md = "| _time | host | MSH_10 | PID_3 | PID_5 | error |\n|---|---|---|---|---|---|\n| 08/14/2025 08:11:43.340 | mirth-prod-02 | Q93212223 | E9756923 | KHALIL^RANIA | AE: PID-11 ZIP missing |\n";
    let tsv = "_time\thost\tMSH_10\tPID_3\tPID_5\terror\n05/28/2026 15:52:07.717\tmirth-prod-02\tQ93212223\t6476800399\tNĀONE^IKAIKA\tAE: PID-11 ZIP missing\n";
    for (text, id, name) in [(md, "E9756923", "KHALIL^RANIA"), (tsv, "6476800399", "NĀONE^IKAIKA")] {
        let report = scan(text);
        assert!(covered(&report, text, id) && covered(&report, text, name), "{text}: {:?}", report.findings);
        // (The message's control id is no one's.)
        assert!(!covered(&report, text, "Q93212223"));
    }
}

#[test]
fn a_record_number_after_the_word_patient() {
    let text = "HTTP Sender error: Received error response from server (409 Conflict)\nERROR MESSAGE: Patient E7582444 already registered under different name\n";
    assert_eq!(found(text, Kind::Mrn), vec!["E7582444".to_string()]);
    // Counts, years and dates after the word are none.
    assert_allowed("Patient 1 of 3 loaded; the patient 2024 cohort; patient 20240315 batch.\n");
}

#[test]
fn x12_element_views() {
    // An EDI viewer's tree without the raw segments, and its grid exported as TSV and CSV:
    // each element's value by its reference, the loop's party from NM101, qualifiers from the
    // lines before (NM108, REF01, DTM01).
    let tree = "    NM1*QC*1*VAN DER BERG*SJOERD*F***MI*H16101974N~\n        NM101  Entity Identifier Code ............... QC  (Patient)\n        NM102  Entity Type Qualifier ................ 1  (Person)\n        NM103  Name Last or Organization Name ....... VAN DER BERG\n        NM109  Identification Code .................. H16101974N\n        DTM01  Date/Time Qualifier .................. 232  (Claim Statement Period Start)\n        DTM02  Date ................................. 20251110\n";
    assert_reported(tree, &["VAN DER BERG", "H16101974N", "20251110"]);
    let tsv = "Loop\tSegment\tElement\tDescription\tValue\n2000\tINS\tINS01\tMember Indicator\tY\n2000\tNM1\tNM101\tEntity Identifier Code\tIL\n2000\tNM1\tNM102\tEntity Type Qualifier\t1\n2000\tNM1\tNM103\tName Last or Organization Name\tNWOSU\n2000\tNM1\tNM108\tIdentification Code Qualifier\t34\n2000\tNM1\tNM109\tIdentification Code\t260701746\n2000\tN4\tN401\tCity Name\tAnchorage\n2000\tDMG\tDMG02\tDate Time Period\t19880107\n";
    assert_reported(tsv, &["NWOSU", "260701746", "Anchorage", "19880107"]);
    let csv = "\"Loop\",\"Segment\",\"Element\",\"Description\",\"Value\"\n\"1000B\",\"NM1\",\"NM101\",\"Entity Identifier Code\",\"40\"\n\"1000B\",\"NM1\",\"NM102\",\"Entity Type Qualifier\",\"2\"\n\"1000B\",\"NM1\",\"NM103\",\"Name Last or Organization Name\",\"AVAILITY\"\n\"1000B\",\"NM1\",\"NM109\",\"Identification Code\",\"030240928\"\n\"2010BA\",\"NM1\",\"NM101\",\"Entity Identifier Code\",\"IL\"\n\"2010BA\",\"NM1\",\"NM102\",\"Entity Type Qualifier\",\"1\"\n\"2010BA\",\"NM1\",\"NM103\",\"Name Last or Organization Name\",\"HIRSI\"\n\"2010BA\",\"NM1\",\"NM109\",\"Identification Code\",\"ZGP11779915\"\n";
    let report = scan(csv);
    for part in ["HIRSI", "ZGP11779915"] {
        assert!(covered(&report, csv, part), "{part} not reported");
    }
    // (The receiver's loop is no one's.)
    assert!(!covered(&report, csv, "AVAILITY") && !covered(&report, csv, "030240928"));
    // A companion guide's table describes elements: its notes are no values.
    let guide = "||Seg||Element||Name||Usage||\n|NM1|NM101|Entity Identifier Code|IL|\n|N3|N301|Address Information|required when the subscriber is the patient|\n";
    assert!(!covers(guide, "required when"), "{:?}", scan(guide).findings);
}

#[test]
fn patches_by_path() {
    // A FHIR gateway's audit of JSON Patch operations on a Patient, and the same audit as a
    // psql grid with a Path column: each value is what its path points at.
    let jsonl = "{\"ts\": \"2025-07-12T13:36:23.979Z\", \"actor\": \"jamal.robinson\", \"resource\": \"Patient/304208\", \"patch\": [{\"op\": \"test\", \"path\": \"/address/0/city\", \"value\": \"Hialeah\"}, {\"op\": \"replace\", \"path\": \"/address/0/postalCode\", \"value\": \"48220\"}]}\n";
    assert_reported(jsonl, &["Hialeah", "48220"]);
    let grid = "Audit: kiosk writes to Patient/169380\n\n           Time           |       Actor        |         Path          |       Old value       |      New value\n--------------------------+--------------------+-----------------------+-----------------------+---------------------\n 2024-03-05T16:14:29.930Z | Agnieszka Kowalska | /address/0/line/0     | 527 Pulaski Pl Apt 12 | 5183 Harbor View Pl\n 2024-03-05T16:14:35.465Z | Seán Fitzgerald    | /address/0/city       | Lowell                | Hamtramck\n 2024-03-05T16:14:40.808Z | Omar Al-Amin       | /address/0/postalCode | 01862                 | 48274\n";
    assert_reported(grid, &["Lowell", "Hamtramck", "01862", "48274"]);
    // (A deployment's patch names no patient.)
    assert_allowed("kubectl patch deployment ehr-api --type=json -p='[{\"op\": \"replace\", \"path\": \"/metadata/name\", \"value\": \"Ehr Api\"}, {\"op\": \"replace\", \"path\": \"/spec/replicas\", \"value\": 3}]'\n");
}

#[test]
fn a_user_with_a_birth_date_is_a_patient() {
    // A portal's identity check logs its user: with a birth date, the name is a patient's.
    let text = "2026-05-27 12:13:25.462\t{\"level\":\"ERROR\",\"service\":\"portal-auth\",\"msg\":\"identity proofing failed\",\"user\":{\"email\":\"dawit.bekele@comcast.net\",\"name\":\"Dawit Bekele\",\"dob\":\"1963-09-06\"},\"reason\":\"SSN_LAST4_MISMATCH\"}\n";
    assert_reported(text, &["Dawit Bekele", "1963-09-06"]);
    // (An application's user is staff.)
    let staff = "{\"level\":\"INFO\",\"msg\":\"chart opened\",\"user\":{\"name\":\"Grace Okafor\",\"role\":\"RN\"},\"patient\":{\"mrn\":\"4416203\"}}\n";
    assert!(!covers(staff, "Grace Okafor"));
}

#[test]
fn xml_elements_named_by_their_tags() {
    // A SOAP interface's payload: elements holding text, named by their tags (with their
    // parent's as owner), with or without a namespace's prefix.
    let soap = "<soap:Body><ns2:Member><ns2:SubscriberId>W597398602</ns2:SubscriberId></ns2:Member>\n<Patient><Name>NWOSU^YETUNDE</Name><MRN>132-34-56</MRN><DOB>1953-06-14</DOB><Sex>F</Sex></Patient></soap:Body>\n";
    let report = scan(soap);
    for part in ["W597398602", "NWOSU^YETUNDE", "132-34-56", "1953-06-14"] {
        assert!(covered(&report, soap, part), "{part} not reported");
    }
    assert!(!covered(&report, soap, "<Sex>F"), "{:?}", report.findings);
    // A build file's project name and a web page's markup are no one's.
    assert_allowed("<project>\n  <name>Acme EHR Core</name>\n  <version>4.12.7</version>\n  <developers><developer><name>Grace Okafor</name></developer></developers>\n</project>\n");
    assert_allowed("<div class=\"panel\"><h2>Release 4.12</h2><p>Fixed the <b>DOB</b> parser.</p><span>Owner</span></div>\n");
}

#[test]
fn ids_in_request_paths_without_a_scheme() {
    // HTTPie's and curl's request lines, and a method before a bare path: the id after a
    // person's collection is a member's or a record's.
    let httpie = "$ http GET :8443/eligibility/v1/members/W597398602 Authorization:\"Bearer x\"\n";
    assert_eq!(found(httpie, Kind::HealthPlanId), ["W597398602"]);
    let curl = "curl -s localhost:8080/api/patients/E8812034/chart | jq .\n";
    assert_eq!(found(curl, Kind::Mrn), ["E8812034"]);
    assert_eq!(found("Request: GET /api/v1/members/ZGP11224928 returned 404\n", Kind::HealthPlanId), ["ZGP11224928"]);
    // A service's own keys, a fixture's file, a documented example and a FHIR logical id are none.
    assert_allowed("Request: GET /api/v2/patients/1c489dfb-f081-492d-94bb-0ba1e3ae47b0/summary\n");
    assert_allowed("diff --git a/fixtures/patients/87583.json b/fixtures/patients/87583.json\n");
    assert_allowed("GET /api/v1/members/{memberId} and GET /api/patients/123 in the guide\n");
    assert_allowed("$ diff <(curl -s $PROD/Patient/0319836705 | jq -S .) <(curl -s $DR/Patient/0319836705 | jq -S .)\n");
}

#[test]
fn birth_date_after_where_it_is_kept() {
    // A word or two saying where the birth date is kept, then the date.
    assert_eq!(found("DOB on file 05/13/1990, confirmed.\n", Kind::Date), ["05/13/1990"]);
    assert_eq!(found("pharmacy has her DOB as 07/06/1990\n", Kind::Date), ["07/06/1990"]);
    // A change to the field's code is no one's birth date.
    assert_allowed("Release 4.12: DOB parsing fixed on 11/20/2026, see EHR-4821.\n");
}

#[test]
fn rendered_pages_as_the_browser_copies_them() {
    // A form's labels, each over its answer, with or without a colon, maybe after a blank line.
    assert_reported("Patient Name:\nSIDDIQUI, IMRAN\n\nMember ID:\nXJH9752528201\n", &["SIDDIQUI, IMRAN", "XJH9752528201"]);
    assert_reported("Patient name:\n\nĐức Anh Phạm\n\nDate of birth:\n2/7/1960\n\nMRN:\nHX517062\n", &["Đức Anh Phạm", "2/7/1960", "HX517062"]);
    // A YAML key over its nested pairs is no form.
    assert_allowed("+    address:\n+      use: work\n");
    // An agenda's item over its owner; a comment's or review's author over its time.
    assert_allowed("Item\nWho\nTest patient refresh\nHao Wang\nCutover plan\nHao Wang\n");
    assert_allowed("+-- INSERT INTO guarantor (id, ssn) VALUES (1, '000-12-3456');  -- ERROR\n\nNusrat Rahman\nan hour ago\nPostgres regex has no lookahead in CHECK.\n");
    // A diff as a page renders it, line numbers first: a validator's test dates are code.
    assert_allowed("  54   54        static final LocalDate ASOF = LocalDate.of(2026, 12, 1);\n       60 +      assertFalse(DobValidator.isPlausible(LocalDate.of(2031, 1, 1))); // future\n");
    // A seed copied from a diff view with its line numbers; a telephone note's patient under its title.
    assert_reported("        2 +  INSERT INTO patient (mrn, first_name, last_name, dob) VALUES\n        3 +    ('58475157', 'Ngọc Ánh', 'Trần', '2019-09-04'),\n\t4\t+  ('E4645537', 'Ayşe', 'Şahin', '2023-02-13');\n", &["58475157", "Ngọc Ánh", "Trần", "2019-09-04", "E4645537", "Şahin"]);
    assert_reported("Telephone Encounter\nChen, Wei  08/01/2026\nCall back #: 8439823147\nMessage: Pt states rash on arms after furosemide.\n", &["Chen, Wei"]);
    // A table copied one cell per line: the header's run of column names, then rows as long as
    // it (a row's name may look like a column's: the first row must fit).
    let flat = "Post-discharge calls\nPatient\nPhone\nDOB\nStatus\nJean-Baptiste Joseph\n502 235 9150\nSeptember 4, 1962\nLeft VM\nKvěta Kovács\n919-549-4789\n10/16/71\nReached\n";
    assert_reported(flat, &["Jean-Baptiste Joseph", "502 235 9150", "September 4, 1962", "Květa Kovács", "919-549-4789", "10/16/71"]);
    assert!(!covers(flat, "Phone"), "a column's name is no value");
    // Code's short lines are no column names; a directory's entry is no patient table.
    assert_allowed("+        }\n+        return dob;\n     }\n\nTests use a fixed clock; cases: 20260230 (invalid day), 20990101 (future).\n");
    assert_allowed("Name\nIosefa Faleolo\nTitle\nPatient Access Supervisor\nDepartment\nNephrology\nOffice\n+1 971 673 4361 ext 9155\nPager\n412-629-5223\n");
    // A directory's addresses under a department's name or a place's label are the facility's.
    assert_allowed("Cardiology Clinic\n300 Cedar Ridge Way, Denver, CO 80218\nMain: 808-246-7505\n\nImaging\n15 Northfield Commons, Lowell, MA 01854\n");
    assert_allowed("Caller phone\n(847) 362-6906 x8381\nLocation:\n72 Lakeshore Ave, Milwaukee, WI 53202\nCategory\nSoftware\n");
    assert_allowed("Department: FAMILY MED\nSt. Brigid Health\t300 Cedar Ridge Way, Denver, CO 80218\n");
}

#[test]
fn text_in_a_json_string_with_its_escapes() {
    // A Jira REST payload pasted into a bug: the description's lines after `\n` escapes.
    let text = r#"{"fields":{"summary":"ADT feed dropped patient","description":"Patient Maria Gonzalez was not updated.\nMRN: 58120889\nDOB: 03/14/1962\n\tPhone: (312) 555-2190"}}"#;
    assert_reported(text, &["Maria Gonzalez", "58120889", "03/14/1962", "555-2190"]);
    assert_eq!(found(text, Kind::Mrn), ["58120889"]);
    // An escaped backslash before an `n` is no escape: `C:\\new` keeps its word.
    assert_allowed(r#"{"path": "C:\\new\\tests", "build": "4.12.7", "note": "see EHR-4821\nand EHR-4822"}"#);
}

#[test]
fn hl7_segment_is_no_member_record() {
    // A PID with only a birth date: the segment's id is no name, the date is PID-7.
    let text = "Walk-ins come through with every field blank except DOB.\n\nMSH|^~\\&|MEDITECH|RVG|RHAPSODY|EMPI|20261108143945||ADT^A04^ADT_A01|439362937|P|2.5.1\nEVN|A04|20261108114642\nPID|1||||||19420207|M\nPV1|1|E|ED^^^RVG\n";
    assert_eq!(found(text, Kind::PersonName), Vec::<String>::new());
    assert_eq!(found(text, Kind::Date), ["19420207"]);
}

#[test]
fn identifiers_as_tickets_and_letters_give_them() {
    // An SSN read out in groups after its label, mid-sentence.
    assert_eq!(found("Caller read out the full SSN 377 66 9271 – please mask this in the recording.", Kind::Ssn), ["377 66 9271"]);
    // A bare ten-digit number the writer calls the best one, in a ticket about a patient.
    let text = "Mahbub called on behalf of his aunt, Taslima Chowdhury (DOB November 11, 1931). Best number is 9568848182. No proxy on file.";
    assert_eq!(found(text, Kind::Phone), ["9568848182"]);
    // A form's label closed by a number sign, its answer on the next line.
    assert_reported("Patient Control #:\nA7323633868\n\nPayer Claim Control #:\n2026188113038\n", &["A7323633868", "2026188113038"]);
    // A consult letter's opening names the patient.
    assert_eq!(found("Dear Dr. Patel,\n\nThank you for referring Min-seo Jung, whom I saw in consultation today.", Kind::PersonName), ["Min-seo Jung"]);
    assert_allowed("Thanks for referring Dr. Wong to our team; build 4.12.7 is out.");
}

#[test]
fn hl7_fields_beside_what_the_spec_expects() {
    let text = "Values we received vs. what the spec says:\nField\tReceived\tExpected\nMSH-9\tADT^A08\tADT^A08\nPID-3\t4787073^^^MVMC^MR\tMRN with assigning authority\nPID-5\tO'SULLIVAN^PÁDRAIG\tLAST^FIRST\nPID-7\t20111205\tYYYYMMDD\n";
    assert_reported(text, &["4787073", "O'SULLIVAN^PÁDRAIG", "20111205"]);
    assert!(!covers(text, "LAST^FIRST"));
}

#[test]
fn encoded_text_is_read_as_written() {
    // A form body posted by curl, URL-encoded.
    let form = r#"curl -X POST https://ehr.example.org/api/intake -d "patient_name=Maria+Gonzalez&dob=03%2F14%2F1962&mrn=58120889""#;
    assert_reported(form, &["Maria+Gonzalez", "03%2F14%2F1962", "58120889"]);
    // Quoted-printable mail with an encoded word in its header and a soft line break in an MRN.
    let mail = "From: =?UTF-8?Q?Jos=C3=A9_Mart=C3=ADnez?= <jmartinez62@gmail.com>\nTo: clinic@example.org\nContent-Transfer-Encoding: quoted-printable\n\nHi, this is Jos=C3=A9 Mart=C3=ADnez (DOB 03/14/1962, MRN 5812=\n0889). Please call me back.\n";
    assert_reported(mail, &["Jos=C3=A9_Mart=C3=ADnez", "Jos=C3=A9 Mart=C3=ADnez", "5812=\n0889"]);
    // A CSV export returned as a JSON string: its rows are a table.
    let csv = r#"{"format": "csv", "data": "claim_id,patient,dob,member_id,billed\n\"CLM11159868\",\"Olafsson, Sigurdur\",\"05/07/1973\",\"W837435172\",2150.50\n"}"#;
    assert_reported(csv, &["Olafsson, Sigurdur", "05/07/1973", "W837435172"]);
    // Clean encoded text stays clean: a search for a code, an escaped stack trace.
    assert_allowed("GET /api/v2/valuesets?code=E11.9&system=http%3A%2F%2Fhl7.org%2Ffhir%2Fsid%2Ficd-10-cm&_count=50 HTTP/1.1\" 200");
    assert_allowed(r#"{"level":"ERROR","msg":"java.lang.IllegalStateException: pool exhausted\n\tat com.acme.ehr.PatientService.load(PatientService.java:142)\n\tat com.acme.ehr.Api.get(Api.java:57)"}"#);
}

#[test]
fn providers_in_hl7_staff_fields() {
    // An ordering provider (ORC-12) and the vaccinator (RXA-10) with a two-word family name: staff.
    let text = "MSH|^~\\&|EHR|HCHW|IIS|STATEIIS|20240603070034||VXU^V04^VXU_V04|1830020156|P|2.5.1\nPID|1||00149982^^^HCHW^MR||SHEVCHENKO^GRZEGORZ^^^^L||19760509|M\nORC|RE||45207601^HCHW|||||||2031778808^QUISPE MAMANI^YUPANQUI^^^PA-C\nRXA|0|1|202406032345|202406031915|309^COVID-19^CVX|0.5|mL^mL^UCUM||00^New record^NIP001|2031778808^QUISPE MAMANI^YUPANQUI^^^PA-C\n";
    assert_eq!(found(text, Kind::PersonName), ["SHEVCHENKO^GRZEGORZ"]);
}

#[test]
fn test_patients_rows_and_population_bounds() {
    // A fixture's test patients (`ZZTEST`, `Test`): their rows hold test values throughout.
    let seed = "INSERT INTO patient (id, mrn, given, family, dob, phone) VALUES\n  (90001, 'T100001', 'Test', 'Zztest1', '1900-01-02', '555-0101'),\n  (90002, 'T0000002', 'O''QUOTE', 'ZZTEST', '1951-01-01', '555-0102'),\n  (90009, '0064211925', 'María José', 'Peña', '1968-09-29', '4808370815');\n";
    let report = scan(seed);
    assert!(covered(&report, seed, "0064211925") && covered(&report, seed, "María José") && covered(&report, seed, "1968-09-29"));
    assert!(!covered(&report, seed, "T100001") && !covered(&report, seed, "O''QUOTE") && !covered(&report, seed, "1951-01-01"));
    // A single-name patient's `FNU` is no test patient.
    assert_eq!(found("INSERT INTO patient (mrn, first_name, last_name, dob) VALUES ('877252107', 'Gulalai', 'FNU', '1990-04-02');", Kind::Mrn), ["877252107"]);
    // A rule's population bounds are no one's age.
    assert_allowed("INSERT INTO cds.rule_condition (icd10, label, min_age) VALUES ('A41.9', 'sepsis', 90);\npopulation:\n  min_age: 90\n  max_age: 120\n");
}

#[test]
fn name_value_pairs_printed_a_key_a_line() {
    // Liquibase's JSON changelog: each column's name, then its value on the next line.
    let text = "{\"column\": {\n    \"name\": \"display_name\",\n    \"value\": \"Agnieszka Krawczyk\"}},\n{\"column\": {\n    \"name\": \"birth_date\",\n    \"valueDate\": \"1957-03-15\"}},\n{\"column\": {\n    \"name\": \"mrn\",\n    \"value\": \"M-980-628\"}}\n";
    assert_reported(text, &["1957-03-15", "M-980-628"]);
}

#[test]
fn mysqldump_rows_with_backslash_escapes() {
    let text = "LOCK TABLES `patients` WRITE;\nINSERT INTO `patients` VALUES (1,'van \\'t Hof, Ani','1981-04-20','401-976-6735','anihakobyan1981@aol.com','4485 Cedar Knoll Rd','Salem','OR','97305','Allergic to \\\"sulfa\\\"\\nSee plan'),(2,'Takahashi, Misaki','2007-09-24','253-910-2196','misaki.takahashi@comcast.net','9838 Kamehameha Hwy','Minneapolis','MN','55425','none');\nUNLOCK TABLES;\n";
    assert_reported(text, &["Takahashi, Misaki", "2007-09-24", "253-910-2196", "9838 Kamehameha Hwy", "55425"]);
}

#[test]
fn json_after_words_and_numbered_entities() {
    // A log's message holding a request body as an escaped JSON string after its words.
    let log = r#"{"level":"ERROR","message":"HAPI-0450: Failed to parse request body as JSON resource. Body: {\"resourceType\":\"Patient\",\"id\":\"pat-1\",\"name\":[{\"family\":\"Lévesque\",\"given\":[\"Gaëtan\"]}],\"birthDate\":\"1937-07-19\"}"}"#;
    assert_reported(log, &["Lévesque", "Gaëtan", "1937-07-19"]);
    // A C-CDA's accented letters as numbered character references.
    let cda = "<recordTarget><patientRole><id extension=\"M-948-927\" root=\"2.16.840.1.113883.19.5\"/><patient><name><given>Jes&#250;s</given><family>Pe&#xF1;a</family></name><birthTime value=\"20160609\"/></patient></patientRole></recordTarget>";
    assert_reported(cda, &["Jes&#250;s", "Pe&#xF1;a", "20160609"]);
}

#[test]
fn spreadsheet_rows_as_json_arrays() {
    // Google Sheets' values.get: the header row first, each later row's cells take its column's role.
    let text = r#"{"range": "'Clinic roster'!A1:F3", "majorDimension": "ROWS", "values": [
  ["Patient", "DOB", "MRN", "Cell", "Vaccine", "Dose date"],
  ["Ngozi Balogun", "9/10/2022", "E8973204", "206-349-5609", "Tdap", "3/18/2026"],
  ["Joy Young", "12/9/2022", "E1641519", "619-903-4379", "Influenza", "11/14/2026"]
]}"#;
    assert_reported(text, &["Ngozi Balogun", "9/10/2022", "E8973204", "206-349-5609", "Joy Young", "E1641519"]);
    // Arrays of numbers and codes with no header of known columns are no table.
    assert_allowed(r#"{"series": [["build", "p50", "p95"], ["4.12.7", 42, 97], ["4.12.8", 40, 88]]}"#);
}

#[test]
fn population_bounds_and_schedule_links_are_no_one() {
    // A rule's age bound, with the comment that says so; a person's age on a line that also
    // says something else is still theirs.
    assert_allowed("population:\n  min_age: 18\n  banner_age: 90   # patients aged 90 and older\ntrigger:\n  medication: \"rivaroxaban 20 mg\"\n");
    assert_reported("Patient: Zofia Wrona\nAge: 92   lives alone\nDx: CHF\n", &["92"]);
    // An on-call schedule's link names its doctor in the query; a record's search names two things.
    assert_allowed("h3. Hospitalist on-call schedules\n* Derek Osei – [schedule|https://www.amion.com/cgi-bin/ocs?Lo=mvh&Rsel=192&Syr=2026&Name=Osei%2C+Derek]\n");
    assert_reported("Repro: open https://ehr.example.org/lookup?lastName=Wrona&dob=1931-02-11 and the chart shows CHF", &["https://ehr.example.org/lookup?lastName=Wrona&dob=1931-02-11"]);
}

#[test]
fn escaped_letters_doubled_quotes_contact_columns_and_numbers_to_call() {
    // `json.dumps` writes accents as \u escapes: a name field's letters are read decoded.
    let fhir = "{\n  \"resourceType\": \"Patient\",\n  \"name\": [\n    {\n      \"family\": \"Gy\\u0151ri\",\n      \"given\": [\n        \"Erzs\\u00e9bet\"\n      ]\n    }\n  ],\n  \"birthDate\": \"1937-07-17\"\n}";
    assert_reported(fhir, &["Gy\\u0151ri", "Erzs\\u00e9bet", "1937-07-17"]);
    // A quote doubled inside an SQL literal does not end it.
    assert_reported("SELECT claim_id FROM rcm.claim WHERE patient_last = 'O''Brien' AND patient_first = 'Siobhan' AND dob = '1941-03-02';", &["O''Brien"]);
    assert_reported("INSERT INTO patients (mrn, last_name, first_name, dob) VALUES ('00516304', 'van ''t Hof', 'Femke', DATE '1975-09-05');", &["van ''t Hof"]);
    // A census's Contact column holds numbers to call, bare ten digits among them.
    assert_reported("||Name||MRN||DOB||Contact||\n| Takahashi, Misaki | E3389863 | 20-Jul-1995 | 6196183894 |\n| Hanako Sato | 4864676 | 06-Sep-2000 | (559) 997-9155 |\n", &["6196183894", "(559) 997-9155"]);
    // "call <name> at" says the bare number after it is a phone; not a team's.
    assert_reported("Patient: Wei Zhang  MRN: 00412345\nPlan: recheck on July 15, 2026; call Li at 9736976560 with results.", &["9736976560"]);
    assert_allowed("Deploy runbook: call Ops at 9736976560 if the build fails");
}

#[test]
fn test_patients_rosters_schedules_and_page_properties() {
    // Test patients named in a trace or a repro, and the id given after one.
    assert_allowed("org.opentest4j.AssertionFailedError: expected: <MATCH> but was: <POSSIBLE>\n  candidate A: ZZTEST, ALPHA dob=1900-01-01 ssn=123-45-6789 phone=(617) 555-0142\n  candidate B: ZZTEST, ALFA dob=1900-01-01 ssn=123-45-6789 phone=617-555-0142\n\tat com.example.mpi.PatientMatcherTest.matches(PatientMatcherTest.java:48)\n");
    assert_allowed("Steps to reproduce (TST):\n1. Admit test patient ZZTEST^BRAVO (MRN T0004411)\n2. Discharge\n");
    assert_allowed("Screenshots use the demo patient Jane Sample (MRN DEMO0001), phone 617-555-0199 is fictional.\n");
    assert_reported("Admit patient NGUYEN^ANH (MRN T0004411) for chest pain", &["NGUYEN^ANH", "T0004411"]);
    // A rotation's members, with chat handles, are staff; so is the same name in its overrides.
    assert_allowed("rotation:\n  name: interfaces-primary\n  start: 2026-12-14\n  members:\n    - name: Xee Vang\n      email: xee.vang@northfieldrmc.org\n      phone: \"402-341-3767\"\n      slack: \"@xvang\"\n    - name: Yosef Levi\n      email: yosef.levi@northfieldrmc.org\n      phone: \"(402) 908-2926\"\n      slack: \"@ylevi\"\n  overrides:\n    - date: 2027-01-15\n      member: Xee Vang\n      reason: holiday swap\n");
    // An on-call sheet's initials after a comma are no ", a 67-year-old".
    assert_allowed("Who's on - Fri 12/04/26\n\nHosp Day 2            Okafor, A             1900-0700   pgr 8921  cell +1 413 290 4307\nPsych CL              da Silva, C           24h   pgr 2398  cell (508) 237-3118\n");
    // Confluence page properties: a header cell and its value a row.
    assert_reported("{page-properties}\n||Event number|INC8788352|\n||Patient|Latoya Jefferson|\n||MRN|4910725|\n||DOB|February 25, 1948|\n||Reviewer|Alejandro Gutiérrez|\n{page-properties}\n", &["Latoya Jefferson", "4910725", "February 25, 1948"]);
}

#[test]
fn action_owners_products_and_the_specification_example_patient() {
    // An action item's owner and due date (this year's), not a name and a birth date.
    assert_allowed("## Post-incident review — INC1829243 eligibility API 5xx (8/24/2026)\n### Actions\n1. Build indexes CONCURRENTLY only — Heriberto Vélez, Sep 19, 2026\n2. Add pool saturation alert — Anan Srisuk, 2026-09-09\n");
    assert_reported("Override events for Caruso, Giuseppe, 12/08/1921, M386278 after the merge", &["Caruso, Giuseppe"]);
    // "Member Portal" is a product, as "Patient Portal" is.
    assert_allowed("h2. Member Portal — on-call rotation\n||Week||Primary||Pager||\n|11/9/2026 – 11/15/2026|Nikolaos Theodorakis|5299|\n");
    // The FHIR specification's example Patient in a test is no one.
    assert_allowed("+const example = {\n+  resourceType: 'Patient', id: 'example',\n+  name: [{ family: 'Chalmers', given: ['Peter', 'James'] }],\n+  birthDate: '1974-12-25',\n+};\n");
    assert_reported("+const fixture = {\n+  resourceType: 'Patient', id: 'pat-88231',\n+  name: [{ family: 'Okonkwo', given: ['Adaeze'] }],\n+  birthDate: '1974-12-25',\n+};\n", &["Okonkwo", "Adaeze", "1974-12-25"]);
}

#[test]
fn postgres_bind_parameters_take_their_columns_roles() {
    let log = "2026-11-15 03:18:59.983 EST [76244] app@portal LOG:  duration: 3392.309 ms  execute <unnamed>: SELECT m.member_id FROM elig.member m JOIN elig.address a ON a.mbr_sk = m.mbr_sk WHERE lower(m.last_name) = lower($1) AND m.birth_dt = $2 AND a.zip = $3\n2026-11-15 03:18:59.983 EST [76244] app@portal DETAIL:  parameters: $1 = 'O''Connell', $2 = '2002-10-29', $3 = '16664'\n";
    assert_reported(log, &["O''Connell", "2002-10-29", "16664"]);
    // A statement's parameters compared with no personal column stay unread.
    assert_allowed("2026-11-15 03:19:12.947 EST [76247] LOG:  duration: 5344.640 ms  execute <unnamed>: SELECT * FROM job WHERE queue = $1 AND attempts > $2\n2026-11-15 03:19:12.947 EST [76247] DETAIL:  parameters: $1 = 'adt-inbound', $2 = '3'\n");
}

#[test]
fn a_patients_given_name_that_is_a_common_word_is_hers_again_before_a_verb() {
    // "Maria" is a frequent English-corpus word; the document never writes it in lower case.
    let text = "Patient Maria Gonzalez was seen for CHF. Today Maria reports dyspnea.";
    let at = text.rfind("Maria").unwrap();
    assert!(scan(text).findings.iter().any(|f| f.kind == Kind::PersonName && f.start == at), "later Maria not reported");
    // "Will" is written in lower case too: a capitalised "Will" may be the verb.
    let text = "Patient Will Frost was seen for CHF. Will reports go to the PCP. We will call.";
    let at = text.find("Will reports").unwrap();
    assert!(!scan(text).findings.iter().any(|f| f.start == at), "the verb reported");
}

#[test]
fn an_authorization_number_is_a_patients_beside_one_only() {
    assert_reported("Member: FOX, JOY   DOB: 10/04/1965\nAdm: 10/11/2026   Auth #: IP731483734", &["IP731483734"]);
    assert_reported("Prior auth number PA62789644 pending for pt Maria Lopez DOB 2/3/1950", &["PA62789644"]);
    // An id labelled alone is no patient's: a token's, a ticket's.
    assert_allowed("Auth #: 88213 for the deploy token\nPrior auth number 5551234 in the staging config");
}

#[test]
fn an_id_right_after_a_patients_name_is_theirs() {
    assert_reported("UM REVIEW — Day 7\nMember: FOX, JOY   ID: BCH59863841   DOB: 10/04/1965", &["BCH59863841"]);
    assert_reported("Member: Konstantinos Karagiannis   ID XOV970487927   DOB 04/02/1958", &["XOV970487927"]);
}

#[test]
fn a_care_events_rows_name_its_patients() {
    let text = "INSERT INTO visit_schedule (first_name, last_name, clinician_id, street, city, state, zip, phone, visit_date, discipline)\nVALUES\n  ('Omar', 'El-Sayed', 713, '5705 Chickadee Ln', 'Lynchburg', 'VA', '24559', '434-935-1994', '2026-12-12', 'Chaplain');\n";
    assert_reported(text, &["Omar", "El-Sayed", "5705 Chickadee Ln", "434-935-1994"]);
    let text = "INSERT INTO lis.specimen (specimen_id, accession, mrn, patient_name, dob, collected_at, container)\nVALUES (2, '26C271670', '4105893', 'KEAWE, KAIMANA', '2004-02-16', '2026-12-06 09:35', 'LtBlu');\n";
    assert_reported(text, &["KEAWE, KAIMANA", "2026-12-06 09:35"]);
}

#[test]
fn an_aligned_grid_over_its_rule_with_a_patient_column() {
    // sqlite's `.mode column`: one known column, but a rule of dashes under the header.
    let text = "sqlite> SELECT room, patient, diet FROM tray_ticket;\nroom    patient                diet\n------  ---------------------  ----------\nBH-446  THREATT, CLEON         Regular\nONC-368  HALAND, SOREN          Regular\n5N-475  FARAH, HODAN           Pureed\n";
    assert_reported(text, &["THREATT, CLEON", "HALAND, SOREN", "FARAH, HODAN"]);
    // Without a patient's column it stays a listing.
    assert_allowed("room    unit       diet\n------  ---------  ----------\nBH-446  Behavioral Regular\n5N-475  Five North Pureed\n");
}

#[test]
fn fhir_collection_and_imaging_dates_are_the_patients() {
    let text = r#"{"resourceType": "Specimen", "subject": {"reference": "Patient/p1"}, "collection": {"collectedDateTime": "2026-11-13T10:33:00-05:00"}}"#;
    assert_eq!(found(text, Kind::Date), ["2026-11-13T10:33:00-05:00"]);
    let text = r#"{"resourceType": "ImagingStudy", "subject": {"reference": "Patient/p1"}, "started": "2026-10-29T15:01:28-08:00", "numberOfSeries": 2}"#;
    assert_eq!(found(text, Kind::Date), ["2026-10-29T15:01:28-08:00"]);
}

#[test]
fn a_de_identified_dicom_header_is_no_patients() {
    let text = "Anonymiser output header (phantom):\n(0008,0020) DA [20000101]\n(0008,0050) SH [8f3a1c]\n(0010,0010) PN [ANONYMOUS]\n(0010,0020) LO [SUBJ-0042]\n(0010,0030) DA []\n(0010,1010) AS [090Y]\n";
    assert_allowed(text);
    let text = "(0008,0020) DA [20261103]\n(0008,0050) SH [RA26-118842]\n(0010,0010) PN [OKAFOR^CHIDI]\n(0010,0020) LO [E7720931]\n(0010,0030) DA [19580412]\n";
    assert_reported(text, &["OKAFOR^CHIDI", "E7720931", "19580412"]);
}

#[test]
fn a_schedules_day_in_parentheses_is_no_birth_date() {
    assert_allowed("Amion - Lakeshore NICU (Dec 7, 2026)\nRole|Name|Contact|Shift\nNeonatologist on call|Wendell Pryor|pager 4400|07-19\n");
}

#[test]
fn newborns_contacts_and_banner_names_in_capitals() {
    assert_reported("NICU census\n| BABYGIRL SUZUKI | 40954746 | 34 wk |\n| BABYBOY A MIZRAHI | 40954747 | 36 wk |", &["BABYGIRL SUZUKI", "BABYBOY A MIZRAHI"]);
    // A contact's name before a relation and a phone.
    assert_reported("Patient: Maria Lopez, DOB 2/3/1950\nEMERGENCY CONTACT: Hirut Bekele (friend) (914) 335-2180", &["Hirut Bekele", "(914) 335-2180"]);
    // Capitals no dictionary knows, then a labelled birth date.
    assert_reported("Affected so far:\n  - MAKOA NĀONE   DOB 01/30/1964   age 62   exam 11/29/2026", &["MAKOA NĀONE"]);
    assert_allowed("TRUNCATE patients RESTART IDENTITY CASCADE;");
}

#[test]
fn last_first_before_a_record_number_needs_no_dictionary() {
    // A dispensing cabinet's discrepancy report: whom the dose was last issued to.
    let text = "Date/time | Med | Count | Last issued to | User\n11/30 18:45 | hydromorphone 2 mg/mL | exp 8 / found 4 | VENKATESAN, BALASUBRAMANIAN (46472503) | Elliot Sandoval\n";
    assert_reported(text, &["VENKATESAN, BALASUBRAMANIAN", "46472503"]);
    assert_allowed("Build FAILED, Retry (20261203) on agent-7");
}

#[test]
fn ncpdp_fields_as_a_switch_log_prints_them() {
    let text = "# B1 requests rejected with 65\n101-A1=610014|103-A3=B1|302-C2=MB9832102|304-C4=19730616|310-CA=BOŻENA|311-CB=DĄBROWSKA|322-CM=8991 CEDAR LN #3|325-CP=87372|326-CQ=5053073749|401-D1=20261120|407-D7=90281415602\n";
    assert_reported(text, &["MB9832102", "19730616", "BOŻENA", "DĄBROWSKA", "8991 CEDAR LN #3", "87372", "5053073749"]);
    // The header fields alone (BIN, version, transaction code) are no one's.
    assert_allowed("101-A1=610014|102-A2=D0|103-A3=B1|104-A4=PDMI|407-D7=90281415602|442-E7=30000\n");
}

#[test]
fn an_employee_health_trackers_employees_are_its_patients() {
    let text = "||Employee||Emp ID||Role / unit||TB test||Result||Fit test||Hep B titer||Status||\n| Solveig Østergaard | E323476 | EVS | 18-Nov-2026 | TST 0 mm | PAPR | non-immune | cleared |\n";
    assert_reported(text, &["Solveig Østergaard"]);
    assert!(!covers(text, "EVS"), "the job reported as a name");
    // A roster of employees without their tests is staff.
    assert_allowed("||Employee||Emp ID||Role / unit||Shift||Status||\n| Solveig Østergaard | E323476 | EVS | nights | active |\n");
}

#[test]
fn a_russian_self_introduction_and_a_native_label_before_an_id() {
    let text = "Здравствуйте!\n\nМеня зовут Иванова Ольга, я мама BABYBOY IVANOVA (номер карты 70280304). Врач сказал, что выписка в пятницу.";
    assert_reported(text, &["Иванова Ольга", "BABYBOY IVANOVA", "70280304"]);
}

#[test]
fn epic_and_cerner_look_alikes_on_clean_pages() {
    // A test patient written LAST,FIRST with no space, and its id in parentheses.
    assert_allowed("- Test in POC with patient ZZZTEST,CADENCE (MRN T0000311).\n- Validated in C0783 against ZZZTEST,EDONE (FIN T91000001).");
    // Sandbox test patients listed after the words that say so.
    assert_allowed("3. FHIR R4 Millennium tenant: new sandbox test patients (SMART, NANCY; SMART, WILMA) for the app vendors.");
    // A Teams one-tap dial string is a bridge; a licence key under `License:` is no driver's licence.
    assert_allowed("Teams meeting  |  Conference ID: 558882687#  |  +1 312-535-6786,,873852489# US (Chicago)\n4. License: C91F18D1F41D2272001E (site key)");
    // A rotation by application: PowerChart is Cerner's, not a chart number's column.
    assert_allowed("Day\tPowerChart\tPager\tPathNet/Lab\tCell\nMon\tTyler Brandt\t312-948-8292\tColleen Tanaka-Reyes\t312-694-1518\n");
}

#[test]
fn last_first_in_capitals_with_no_space_as_epic_prints_it() {
    assert_reported("Outside records for AKÍNWÁLÉ,FOLAKE (MRN 79031286) were batch-scanned into SOKOLOV,SERGEI (MRN 93030851)", &["AKÍNWÁLÉ,FOLAKE", "SOKOLOV,SERGEI"]);
    assert_reported("  Name: YILMAZ,MEHMET            MRN: 4871234\n", &["YILMAZ,MEHMET"]);
    assert_allowed("Allowed methods: GET,POST,PUT; log levels ERROR,WARN");
}

#[test]
fn proxies_and_a_caller_who_is_the_patient() {
    assert_reported("| Ticket | Patient | MRN | Proxy | Relationship |\n|---|---|---|---|---|\n| MYC-8060 | Gupta, Rohan | 85579903 | Ananya Gupta | Spouse |\n", &["Ananya Gupta"]);
    assert_reported("Number: INC4044822\nCaller: Ayşe Öztürk (patient)\nCategory: MyChart activation", &["Ayşe Öztürk"]);
}

#[test]
fn a_patient_as_an_object_literal_in_a_typescript_mock() {
    let text = "export const patientSearchBundle = {\n  resourceType: 'Bundle',\n  entry: [\n+      { resource: { resourceType: 'Patient', id: '0bc4544b', name: [{ text: 'Meilin Chen' }], birthDate: '1982-11-04', identifier: [{ type: { text: 'EPI' }, value: '18813751' }] } },\n  ],\n};\n";
    assert_reported(text, &["Meilin Chen", "1982-11-04", "18813751"]);
}

#[test]
fn an_appointments_start_in_sch_11() {
    let text = "MSH|^~\\&|EPIC|NUH|||202609011200||SIU^S12|1|P|2.5.1\nSCH|1|1|||||ROUTINE|FOLLOW UP|30|MIN|^^30^202609090930\nPID|1||99182757^^^EPIC^MR||FARAH^MARYAN^S||19640212|F\n";
    assert_reported(text, &["202609090930"]);
}

#[test]
fn other_ehrs_record_numbers_by_their_names() {
    assert_reported("Portal shows two patient records, enterprise ID 769563 and 799475. Patient has CHF.", &["769563"]);
    assert_reported("Pulled her chart (DOB 3/3/30, age 96, NextGen person # 6579551) to send", &["6579551"]);
}

#[test]
fn a_contacts_relation_word_is_not_part_of_the_name() {
    let text = "|Patient|Age|Dx|Contact|\n|Fatima Al-Masri|94yo|COPD exacerbation|brother Samir (304) 555-2671|\n";
    let names = found(text, Kind::PersonName);
    assert!(names.iter().any(|n| n == "Samir"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("brother")), "{names:?}");
}

#[test]
fn an_address_fields_city_after_its_street() {
    let text = "Patient: Maria Lopez  DOB: 2/3/1950\nAddress: 9220 Juniper Ct, Yonkers   Phone: (914) 355-1234";
    assert_reported(text, &["9220 Juniper Ct, Yonkers"]);
}

#[test]
fn a_relation_word_that_is_also_a_surname_before_a_name() {
    // "Parent" and "Son" are surnames somewhere; before a name they say who the person is.
    let names = found("Parent Olga Volkov wants full proxy on her son's chart (COPD).", Kind::PersonName);
    assert_eq!(names, ["Olga Volkov"]);
    let names = found("Disposition: admit ortho. Son Rodel Bautista at bedside, hip fracture.", Kind::PersonName);
    assert_eq!(names, ["Rodel Bautista"]);
    // (Or in no dictionary.)
    let names = found("### Notification\nNiece Erzsébet Szabó notified by phone; pronounced at 2028 after aspiration pneumonia.", Kind::PersonName);
    assert_eq!(names, ["Erzsébet Szabó"]);
    // After an honorific it is the surname.
    let names = found("Caller: Mrs. Cousin, asking about her husband's dialysis schedule.", Kind::PersonName);
    assert_eq!(names, ["Cousin"]);
}

#[test]
fn meditech_unit_numbers_and_epic_contact_serial_numbers() {
    assert_reported("MAGALHAES,GONCALO  Acct: V590894337\nUnit#: M1486213  Age/Sex: 27/F  Admitted for CHF", &["M1486213"]);
    // An id column compared with a number in a data fix: the number is the id.
    let text = "UPDATE PAT_ENC SET DEPARTMENT_ID = 10102210\n WHERE PAT_ENC_CSN_ID = 3131192580\n   AND CONTACT_DATE = '2026-03-02';";
    assert_reported(text, &["3131192580"]);
    assert_reported("SELECT * FROM HSP_ACCOUNT h WHERE h.HSP_ACCOUNT_ID = 578419541;", &["578419541"]);
    // (Not a department's or a count's number.)
    let found = found(text, Kind::AccountNumber);
    assert_eq!(found, ["3131192580"]);
}

#[test]
fn a_vehicle_is_a_persons_only_beside_one() {
    // The organisation's ambulances, a decoder's documented example: no patient, no PHI.
    assert_allowed("1. Fleet status. Medic 18 (VIN 1FDTX0MH9TA881278, plate EMS 704) 160,000 mi; remount quote $177,000.");
    assert_allowed("ERROR c.n.fleet.TelematicsListener - bad payload unit=\"MEDIC 26\" vin=3C6FN8X09LT423058 plate=\"EMS 386\" from 10.187.67.178");
    assert_allowed("The detail page shows VIN and plate (example: Medic 11 – 1FTYX8RH2JX482918)");
    // Beside a patient, or in a visit's table, it is theirs.
    assert_reported("Claimant vehicle VIN 1FDTX0MH9TA881278, patient Maria Lopez treated for whiplash", &["1FDTX0MH9TA881278"]);
    assert_reported("insert into mva_vehicle(enc_id, vin, plate) values (50211276, '5NPTYRGB4LN228920', '635-HSG');", &["5NPTYRGB4LN228920"]);
    // (An inpatient's room after a name says whose the car is.)
    assert_reported("valet desk: car for Natalia Lebedeva (rm 809) is a white RAV4, plate 8FCC419, keys are at security", &["Natalia Lebedeva", "8FCC419"]);
}

#[test]
fn a_policys_examples_beside_its_rules() {
    let text = "||Field||Rule||Example||\n|Age 90 or older|collapse to \"90+\"|91 → 90+|\n|Birth date|year only; drop if age ≥ 90|1961-05-03 → 1961|\n|Admission / discharge / death dates|year only|2026-03-14 → 2026|\n";
    assert_allowed(text);
}

#[test]
fn the_address_a_patient_signed_in_from_in_an_auth_log() {
    let text = "Verified identity with name Babatunde Adeyemi and DOB 12/28/1956.\n2026-08-25T06:26:38Z auth.fail user=badeyemi97@proton.me src=71.149.183.225 via=172.27.232.162 reason=BAD_PASSWORD\n";
    assert_reported(text, &["71.149.183.225"]);
    assert!(found(text, Kind::IpAddress) == ["71.149.183.225"], "the WAF's private address is no one's");
    assert_reported("Pt Maria Lopez (DOB 3/14/1962) dropped from the video visit; the session log shows the patient rejoined from 97.128.37.43 on cellular.", &["97.128.37.43"]);
    // (A mail relay's address is a server's.)
    let relay = "Patient Maria Lopez, DOB 3/14/1962, says the reminder never came.\nMay 3 10:01:02 mx1 postfix/smtp[991]: 4F2A1: to=<mlopez62@gmail.com>, relay=mx.gmail.com[24.80.105.244]:25, status=sent\n";
    assert!(found(relay, Kind::IpAddress).is_empty(), "{:?}", found(relay, Kind::IpAddress));
}

#[test]
fn wound_photos_named_by_body_site() {
    let text = "Pt Titilayo Ogunleye, DOB 2/2/1950, stage 3 pressure injury.\nUploaded: sacrum_ogunleye_titilayo_2026-09-28.jpg, left_heel_2.jpg";
    assert_reported(text, &["sacrum_ogunleye_titilayo_2026-09-28.jpg", "left_heel_2.jpg"]);
}

#[test]
fn death_certificates_decedents_and_particle_names() {
    let text = "||Decedent||Age||Date of death||Time||Unit||Death cert #||ME case||\n|Macapagal, Rowena|91|11/17/2026|1218|ED|2026-925193|ME-26-4769|\n";
    assert_reported(text, &["Macapagal, Rowena", "91", "11/17/2026", "2026-925193"]);
    assert_reported("*** HOME HEALTH WOUND CARE VISIT ***\nPatient: Ferdinand de los Santos\nDOB: 5/26/1966", &["Ferdinand de los Santos"]);
    // A bold label's closing marks are not its value's.
    assert_reported("## Discharge Summary\n\n**Patient:** Malee Wongthai  \n**MRN:** M452055091  \n", &["Malee Wongthai"]);
}

#[test]
fn a_dated_observation_and_an_accident_date() {
    let text = "MSH|^~\\&|PACEART|HOSP|EPIC|HOSP|202603011200||ORU^R01|1|P|2.5\nPID|1||M4479178^^^MR||DOE^RICHARD||19500101|M\nOBX|2|ST|720898^MDC_IDC_DEV_SERIAL^MDC||BLK031870H||||||F\nOBX|3|DT|720900^MDC_IDC_DEV_IMPLANT_DT^MDC||20200124||||||F\n";
    assert_reported(text, &["BLK031870H", "20200124"]);
    let text = "INSERT INTO tpl.auto_claims (id, patient, guarantor_acct, accident_dt, carrier) VALUES\n  (6218, 'Aumua, Malia', '46660348', '2026-03-23', 'Erie Insurance');";
    assert_reported(text, &["Aumua, Malia", "2026-03-23"]);
}

#[test]
fn biometric_ids_and_ages_written_with_their_unit_in_a_column() {
    let text = "Patient\tMRN\tBiometric ID\tDOB\tSite\nEmre Ozturk\t8397768\tPS1217812640\t08/04/1954\tMain ED reg\n";
    let report = scan(text);
    assert!(report.findings.iter().any(|f| f.kind == Kind::BiometricId && &text[f.start..f.end] == "PS1217812640"), "{:?}", report.findings);
    let text = "<table>\n<tr><th>Bed</th><th>Patient</th><th>MRN</th><th>Age</th><th>DOB</th></tr>\n<tr><td>ED-28</td><td>PROCHAZKA, JIRI</td><td>M394148775</td><td>94 y/o</td><td>04/26/1932</td></tr>\n</table>";
    assert_reported(text, &["94 y/o"]);
}

#[test]
fn literals_named_by_an_alias_without_as() {
    let text = "MERGE INTO him.decedent t\nUSING (SELECT 'MR826840' mrn, 'YILDIZ, AYSE' pat_name, DATE '2026-11-03' death_dt, '2026967646' cert_no FROM dual) s\nON (t.mrn = s.mrn)\nWHEN NOT MATCHED THEN INSERT VALUES (s.mrn, s.pat_name, s.death_dt, s.cert_no);\n";
    assert_reported(text, &["MR826840", "YILDIZ, AYSE", "2026-11-03", "2026967646"]);
    // (A specification's cell is no select list.)
    let spec = "||Seq||Element||Type||Len||Format / notes||\n|1|record_type|AN|2|'PR' patient record, 'CL' claim line|\nINSERT INTO layout (seq, element) VALUES (1, 'record_type');\n";
    assert!(found(spec, Kind::PersonName).is_empty(), "{:?}", found(spec, Kind::PersonName));
}

#[test]
fn an_authors_date_and_a_facilitys_address_under_its_heading() {
    assert_allowed("HL7-3513 — commit c05bfbaa by Deepa Mwangi (2023-07-16); fixture lint passed");
    assert_allowed("<h2>Department Contacts — St. Brigid Health System</h2>\n<p>89 Cathedral Hill Road, Building C, Seattle, WA 98104 · Last verified 01/05/2024</p>");
    // (A birth date's label after "by" still makes a patient.)
    assert_reported("Seen by Maria Lopez (DOB 03/14/1962) for CHF", &["Maria Lopez"]);
    // (Nor is an age in parentheses a date: the person is a patient.)
    assert_reported("Referral requested by Maria Lopez (67 y/o) for CHF follow-up.", &["Maria Lopez"]);
}

#[test]
fn a_probes_clean_pages_stay_quiet() {
    // A call is no label: `Regex Mrn()` names no patient, so a PR's date is not one's.
    assert_allowed("Azure DevOps PR 35192\nCreated by Dmitri Young · 08/05/2023 · Target: release/10.4.7\n+    [GeneratedRegex(@\"\\bMRN[:=#]?\\s*\\d{6,10}\\b\")]\n+    private static partial Regex Mrn();\n");
    // A certificate expires; a patient expires.
    assert_allowed("The old intermediate expired 13 Feb 2024. Claim batches for the CHF clinic were held.");
    assert_reported("Pt expired 13 Feb 2024 of CHF.", &["13 Feb 2024"]);
    // An escalation level's contact beside a pager or a job role is staff; beside a relationship, a relative.
    assert_allowed("{\"levels\": [{\"level\": 1, \"contact\": \"Iris Wang\", \"pager\": \"713-555-0167\"},\n {\"level\": 3, \"contact\": \"Mariam Tanaka\", \"role\": \"Manager\"}]}");
    assert_reported("{\"contacts\": [{\"contact\": \"Ana Ruiz\", \"role\": \"daughter\", \"phone\": \"617-555-0100\"}]}", &["Ana Ruiz"]);
    // A fixture's test patients (a placeholder name, a test phone in an expected HL7 field).
    let fixture = "+patients:\n+  zztest_charlie:\n+    name: \"DOE^JOHN\"\n+    dob: \"1980-02-29\"\n+    phone: \"312-555-0100\"\n+  - id: A08\n+    expect:\n+      PID-13: \"^PRN^PH^^1^617^5550142\"\n";
    assert_allowed(fixture);
    // (The same record with a real name is a patient's, and a quoted PID-13 with its empty first
    // component is read by its components.)
    assert_reported("+patients:\n+  p1:\n+    name: \"KOVAC^ANA\"\n+    dob: \"1980-02-29\"\n", &["KOVAC^ANA", "1980-02-29"]);
    assert_reported("PID-13: \"^PRN^PH^^1^617^8675309\" for the CHF patient", &["8675309"]);
}

#[test]
fn a_list_after_a_label_is_the_labels() {
    assert_reported("MRN 00412345, 00412399 and 00412400 for the CHF patient", &["00412345", "00412399", "00412400"]);
    assert_reported("Hearing aids for the patient Kenichi Suzuki (CHF): left serial 8389M6140, right 3834K8441.", &["8389M6140", "3834K8441"]);
    // (Only a code of the same shape: not the count after it.)
    let found = found("MRN 00412345, 2 visits for the CHF patient", Kind::Mrn);
    assert_eq!(found, ["00412345"]);
}

#[test]
fn a_second_probes_clean_pages_stay_quiet() {
    // An organisation's address in a signature, a shipping note, a team's page.
    assert_allowed("Thanks,\nGrace Okafor\nIT Asset Coordinator | Summit Peak Physicians Group\n7101 Alpine Way, Suite 400, Denver, CO 80202\nDesk: 303-555-0178");
    assert_allowed("Please have receiving at the loading dock (2200 Riverside Parkway, Building C, Columbus, OH 43215, Dock B) sign for it.");
    // A server's serial in a hospital's vendor escalation is no patient's device.
    assert_allowed("RCA for the 07/18 09:37 restart of node 2 (serial 60X61FCA0D) of the PACS archive; radiology reads and MRI orders were delayed for the stroke unit.");
    // A mapper's output object (`resourceType: 'Patient',` built from expressions) holds no patient.
    assert_allowed("**Opened:** 2025-02-23\n```diff\n+  return {\n+    resourceType: 'Patient',\n+    gender: GENDER_MAP[pid.get('PID-8') ?? 'U'] ?? 'unknown',\n+  };\n```");
    // A constraint's columns and a table header's "(age)" are no patient details.
    assert_allowed("+    CONSTRAINT uq_patient_mrn UNIQUE (mrn_issuer, mrn)\nReviewed 2024-04-23");
    assert_allowed("h2. 2024 results (aggregate, all clinics)\n||Stratum (age)||Denominator||Numerator||\n|18-44|1,204|988|\nMeasurement period: 2024-01-01 through 2024-12-31");
    // An aggregate's column names no one; a heading's author and date are no patient's.
    assert_allowed("Prepared by Quality Analytics on 2023-06-30.\n| Age band | Encounters | % of total | Avg visits / member |\n|---|---|---|---|\n| 90+ | 7,595 | 1.0% | 0.6 |");
    assert_allowed("DROP TABLE IF EXISTS mpi.patient;\n\nReview (Svetlana Mensah, 2023-05-05):\n- ix_patient_name_dob: consider a partial index");
    // A fixture's test patients in a CSV: their rows are test values throughout.
    assert_allowed("+patient_id,last_name,first_name,dob,sex,mrn,ssn,phone,email\n+test_patient_001,ZZTEST,ALPHA,1900-01-01,U,TST-00000001,000-00-0000,555-0140,test001@example.org\n+test_patient_002,ZZTEST,BRAVO,1900-01-01,U,TST-00000002,000-00-0000,555-0197,test002@example.org");
}

#[test]
fn a_third_probes_clean_pages_stay_quiet() {
    // A Jira mention says staff; an onboarding page's new team member and start date are staff's.
    assert_allowed("||Role||Person||\n|DBA|[~lmensah] Lars Mensah (DBA)|\n|Dev contact|[~knovak] Kwame Novak|");
    assert_allowed("| | |\n|---|---|\n| **New team member** | Rose Osei (rose.osei@bluewaterhn.org) |\n| **Start date** | Monday, August 18, 2025 |");
    // An alert's start, a query's bounds, a vendor's notice address, a QA test account.
    assert_allowed("{\"status\": \"firing\", \"labels\": {\"alertname\": \"HighP99Latency\"}, \"startsAt\": \"2024-10-16T17:12:00Z\"}");
    assert_allowed("SELECT age_band, COUNT(*) FROM enc e\n WHERE e.service_date >= DATE '2024-01-01' AND e.service_date < DATE '2025-01-01'\nGROUP BY age_band;");
    assert_allowed("Harbor Analytics Inc.\nAttn: Contracts Administration\n7239 Cedar Ridge Pkwy, Tacoma, WA 98402");
    assert_allowed("*Repro (staging, seeded test account qa-member-0042):*");
    // A profile's table names fields with their types, no values: no patient record.
    assert_allowed("||Seq||Field||Data type||Len||Opt||\n|3|IN1-36|ST|15|R|\n*Engine admin:* Nkechi Ivanova, upgraded on 2024-11-04");
    // (A relative's contact is one still.)
    assert_reported("Emergency contact: Siobhan Nguyen (daughter) 617-388-4021, MRN 00412345", &["Siobhan Nguyen", "617-388-4021"]);
}

#[test]
fn a_fourth_probes_clean_pages_stay_quiet() {
    // A comment's author and date; a mail header's weekday; a policy's effective date.
    assert_allowed("Comments:\nWill Oyelaran (2024-12-26): the NM109 qualifier changed in the 5010 companion guide.");
    assert_allowed("From: Hunter Banks <hunter.banks@summitvalleymc.org>\nDate: Tue, 2024-09-27 15:42\nSubject: RE: cutover");
    assert_allowed("Lines of business: Commercial, Medicare Advantage\nOriginal effective date: 2019-05-08   Revised: 2024-04-08");
}

#[test]
fn a_fifth_probes_clean_pages_stay_quiet() {
    // An organisation's address with no one's name beside it: a site directory, a mailing address, a room.
    assert_allowed("### Harbor Point Children's Hospital (HPCH)\n- **Address:** 45 Harbor Point Drive, Portland, ME 04101 · **Main:** (207) 555-0155\n- Interface go-live for sepsis alerts: March 2024");
    assert_allowed("If you need anything on paper, our mailing address is:\nNovaScript Rx Solutions\nAttn: Legal & Contracts\n220 W. Wacker Drive, Suite 1800\nChicago, IL 60606\nThe oncology order sets ship next week.");
    // A quality report's aggregate columns, one of them named for identifiers.
    assert_allowed("Prepared on November 10, 2023.\n| Source feed | Records received | Invalid identifier format |\n|---|---|---|\n| SBRMC Epic | 3,105,016 | 0.9% |\n| MVH Cerner | 3,567,408 | 4.0% |\nFix deployed October 20, 2023.");
    // Rooms and their seats; review comments' stamps; an author's note in a migration.
    assert_allowed("Conference rooms (6th floor): Scioto (12), Olentangy (6), Alum Creek (4). Sepsis huddle daily.\nNext review June 5, 2024.");
    assert_allowed("[Siobhan O'Connell, 27/03/2023 12:50] pid.py +31: comment that only 6 components matter.\nSepsis rule date: March 3, 2023");
    assert_allowed("+-- Hannah Schmidt, 2024-11-14: DQ-512 add birth_date check\n+ALTER TABLE patient ADD CONSTRAINT dob_past CHECK (birth_date <= CURRENT_DATE);\nDeployed Nov 20, 2024.");
    // A specification's table of fields with a usage column and placeholder examples; its test message.
    assert_allowed("*Date:* 02 Jan 2025\n||Seg||Field||Name||Usage||Notes / placeholder example||\n|PID|5|Patient Name|R|<Family>^<Given> — test example {{TEST^PATIENT^A}}|\n\n{noformat}\nPID|1||ZZTEST0001^^^MVH^MR||TEST^PATIENT^A||19000101|U\nPV1|1|O|LAB^^^MVH||||||||||||||||ZZTESTVN01^^^MVH^VN\n{noformat}");
    // An empty Patient passed to a validator.
    assert_allowed("Reviewed May 23, 2023\n+    void prodIsPassThrough() {\n+        assertDoesNotThrow(() -> new PatientResourceValidator(\"prod\").validate(new Patient()));\n+    }");
}

#[test]
fn a_home_address_without_other_anchors_is_still_reported() {
    // A first-person move, a name on the address's line, a label's addressee above it.
    assert_reported("Hi there,\nI moved - new address is 75 Dogwood Road, Hialeah, FL 33066-3803. Please send the bill there.", &["75 Dogwood Road", "33066-3803"]);
    assert_reported("Please schedule pickup for Mazur, Tomasz P. Address 3350 Park Road, San Antonio, TX 78269.", &["3350 Park Road", "78269"]);
    assert_reported("Label text:\n    JEAN-ROBERT EXANTUS\n    34770 QUAIL RUN WAY, GALLUP NM 87319\n    TAKE 1 TABLET BY MOUTH TWICE DAILY", &["34770 QUAIL RUN WAY", "87319"]);
}

#[test]
fn a_home_word_inside_another_word_makes_no_home() {
    // "dob" in Adobe, "home" in homepage: an organisation's address stays unanchored.
    assert_allowed("Renewal PDFs go through Adobe Sign; the signed copies are mailed to 1200 Harbor Blvd, Weehawken, NJ 07086.");
    assert_allowed("See the vendor homepage. Ship the loaner to 1200 Harbor Blvd, Weehawken, NJ 07086.");
}

#[test]
fn a_ninth_probes_clean_pages_stay_quiet() {
    // A public health department's pages (probe 9). An organisation's own account, licence,
    // office address and phone.
    assert_allowed("||Vendor||Support phone||Dept. account #||\n|Lyniate (Rhapsody)|+1 800-388-1123|CUST-531385|\n");
    assert_allowed("  EDRS vendor support (Department account VR-IA-7395): +1 888 317 1006");
    assert_allowed("2024-09-02 14:41:07.114 -05:00 [ERR] (VRDRS-WEB04) License lookup failed for establishment license FE-115 (board API timeout)");
    assert_allowed("||County||Administrator||Office address||Phone||\n|Benton|Olusegun Adeyemi|2814 N Jefferson St, Suite 280, Vinton, IA 52349|(319) 233-2742|\n|Boone|Dmitri Volkov|2313 S Market St, Boone, IA 50036|(515) 211-5150|\n");
    // An account code of two abbreviations in a page about no patient.
    assert_allowed("Courier vendor dispatch: (515) 966-4815 (account SHL-NBS-974). Sunday pickups only.");
    // Counts by county, whatever the county's name; a contact after a dash is no condition.
    assert_allowed("MEASLES - Henry, Benton, Wapello COUNTIES\n- Confirmed cases by county of residence: Henry (6), Benton (2), Wapello (1)");
    assert_allowed("* Regional consultants: Region 3 (Central) Anjali Deshpande — contact through the shared mailbox lphs@dph.iowa.gov");
    // A list of segment names is no message; a placeholder `[DOB]` is no one's birth date.
    assert_allowed("- Any message with MSH/MSA/ERR or PID/NK1/PV1/GT1/IN1 intact.\n\n| Field | Use |\n|---|---|\n| Date of birth | leave empty, or `[DOB]` |\n| Address | `[ADDRESS]` or a public building (Capitol: 1007 E Grand Ave, Des Moines, IA 50319) |");
    // A keyword argument's call on 1 January in a test.
    assert_allowed("+    rec = make_birth_record(mother_age=age, child_dob=date(2024, 1, 1))");
    // But a code-built birth date on another day is still reported.
    assert_reported("+    rec = make_birth_record(mother_age=age, child_dob=date(1962, 3, 14))", &["1962, 3, 14"]);
}

#[test]
fn a_tenth_probes_clean_pages_stay_quiet() {
    // A pharmacy company's pages (probe 10). Licences in a document about no patient are staff's and
    // stores': a store's DEA registration, pharmacists' licences.
    assert_allowed("4) DEA 222 / CSOS — annual inventory on Jul 1, store DEA BN9441419 certificate renewal due next month; Cormac to confirm in CSOS portal.");
    assert_allowed("|Name|Role|Store|State|License #|Expires|\n|Vikram Sethi|Staff RPh|#0139|TN|TN-RPH-92789|6/30/2026|\n|Zoltán Kiss|Staff RPh|#1835|OH|OH-RPH-41441|6/30/2025|\n");
    // The company's own account with a vendor.
    assert_allowed("||Vendor||Product||Escalation contact||Phone||Our account #||\n|Zebra|label printers|Premier support|(847) 330-3018|2810918942|\n");
    assert_allowed("* Confirm our account NSP-971026 contact list and the 24×7 NOC number (615) 645-9280.");
    // A table of stores: each row's address is a store's.
    assert_allowed("| Store | Address | Status | Open tickets |\n|---|---|---|---|\n| #0229 | 5411 Route 9, Madison, WI 53714 | Live | 2 |\n| #1852 | 6614 Old Town Blvd, Tempe, AZ 85235 | Tonight | 0 |\n");
    // A comparison in SQL is no birth date after a name; a check's input is no birth date.
    assert_allowed("+  CHECK (dob IS NULL OR (dob > DATE '1900-01-01' AND dob <= CURRENT_DATE));");
    assert_allowed("    assert check_dob(date(2030, 1, 1), date(2024, 6, 1)) == [\"DOB_IN_FUTURE\"]");
    // Two states' codes after a comma are no `Last, First` name.
    // (Here beside a record number, which makes a document about a patient.)
    let notes = "- Reject code tooltips for 75, 76, 79, 88, MR (PMS-1785)\n- One-click PDMP query from fill screen for OH, KY, TN, NC, VA (PMS-493)\n";
    assert!(!covers(notes, "OH, KY"), "OH, KY reported");
    // But a patient's licence, or a patient table's address, is still reported.
    assert_reported("Patient: Maria Gonzalez, DOB 03/14/1962. Driver's license D4918273 scanned at registration.", &["D4918273"]);
}

#[test]
fn an_eleventh_probes_clean_pages_stay_quiet() {
    // A device maker's pages (probe 11). A device's serial in a document about no patient is the device's.
    assert_allowed("| UDI (HRI) | (01)00857154200882(11)240822(21)AP21A03698 |");
    // "(Mark …" starts no birth date in parentheses; a common word before a count is no name.
    assert_allowed("Vision recipe v7.3 retrain scheduled Thu with Cognex FAE (Mark Tillman, 952-555-0177).");
    assert_allowed("Photos (14) stored in supplier file; none show personal information.");
    // A customer's account with its supplier; a cloud account.
    assert_allowed("Reporter: Sofia Marchetti   Customer: Mercy Regional Medical Center (acct 0010039912)");
    assert_allowed("Account #: 0010048821 (Corvantis customer number)");
    assert_allowed("Plan output summary: 2 to add, 3 to change (workspace prod-us-west-2, account 731904458812)");
    assert_allowed("[14:03:50] Uploading test report -> s3://corv-ci-artifacts-3318/reports/ (acct 4821-0937-1156)");
    // A day booked without a patient; a report period's end.
    assert_allowed("Elena confirmed v13 uploaded, deployment to 640 pumps scheduled for 12/05 02:00 CT.");
    assert_allowed(r#"{"id":"rpt_1","display_name":"Test Patient 014","period_start":"2024-10-01","period_end":"2024-10-14"}"#);
    // A name after a role's abbreviation is no patient's for a date on its line.
    assert!(!covers("Work order: WO-FS-55190   FSE: Tomás Ibarra   Service date: 2024-10-29", "Tomás Ibarra"), "the engineer reported");
    // But a patient's device, and a birth date in parentheses, are still reported.
    assert_reported("Patient: Maria Gonzalez, DOB 03/14/1962. Pump UDI (01)00857569049380(17)250930(10)L24236C(21)GT23C85396", &["(01)00857569049380(17)250930(10)L24236C(21)GT23C85396"]);
    assert_reported("Terry Parker (Feb 8, 1961) called about her refill.", &["Terry Parker", "Feb 8, 1961"]);
}

#[test]
fn a_device_maker_s_pages_keep_patients_and_test_values_apart() {
    // (fresh25.) Documented test values, closed by markup or dashed, are no one's.
    assert_allowed("org.opentest4j.AssertionFailedError: expected: <mbi=****-***-MK73> but was: <mbi=1EG4-TE5-MK73>");
    assert_allowed(r#"+  "identifier": [ { "system": "http://hl7.org/fhir/sid/us-ssn", "value": "123-45-6789" } ],"#);
    // Comment headers are written by staff, even in a document about a patient.
    for header in ["*Ryo Fujimoto* added a comment - 21/Sep/26 09:35 AM", "**Emil Halvorsen** commented 2026-09-09 21:13", "Lars Øverby - 2026-07-08 10:47", "Gwen Pasternak (comment): see the complaint record"] {
        let page = format!("{header}\nPatient: Maria Gonzalez, DOB 03/14/1962\n");
        assert_reported(&page, &["Maria Gonzalez", "03/14/1962"]);
        let author = header.trim_start_matches('*').split(['*', '-', '(']).next().unwrap().trim();
        assert!(!covers(&page, author), "{author} reported");
    }
    // A cloud bucket's account; a practice's address.
    assert_allowed("Nightly aggregate export to the analytics bucket fails after the account move. Role in account 205611541688.");
    assert_allowed("| Tri-County Endocrine Associates | 77 Hospital Hill Rd, Columbus, OH 43242 | Rick Vandermeer | (207) 229-8651 |");
    // The people a device maker ships replacements to, in a grid or a `\G` dump, and a device's user named in a comment.
    let grid = " rma_no | ship_name | ship_street | ship_city | ship_zip | returned_sn\n------------+------+-----+-----+-----+-----\n RMA3282415 | Adaeze Nwosu | 8223 Juniper Ridge Dr | Albuquerque | 87164 | AR7137918N\n";
    assert_reported(grid, &["Adaeze Nwosu", "8223 Juniper Ridge Dr", "87164", "AR7137918N"]);
    let dump = "     rma_no: RMA0414112\n  ship_name: Olúwafẹ́mi Adéyẹmí\nship_street: 1521 Winding Brook Way\n  ship_city: Columbus\n   ship_zip: 43283\nreturned_sn: AR7522886T\n";
    assert_reported(dump, &["Olúwafẹ́mi Adéyẹmí", "1521 Winding Brook Way", "43283", "AR7522886T"]);
    assert_reported("customer case for traceability - João dos Santos Brandão, pump AR7148735L, reported 07/25/2026.", &["João dos Santos Brandão"]);
}

#[test]
fn a_review_comment_s_author_is_staff() {
    // (fresh24.) A review comment's header names its writer, even in a document about a patient.
    let page = "PID|1||7202954556^^^LPM^MR||OKAFOR^ADA||19610402|F\n# review (Jocelyn Bautista): CI is flaky on the validator step, re-running.\n";
    assert_reported(page, &["7202954556", "OKAFOR^ADA", "19610402"]);
    assert!(!covers(page, "Jocelyn Bautista"), "the reviewer reported");
}

#[test]
fn composite_pages_keep_their_records_and_their_stamps_apart() {
    // (fresh24.) A MySQL dump in a pull request, under prose that says "merge … into develop";
    // its CREATE TABLE's column lines start with the diff's `+`.
    let dump = "Nikolai Kuznetsov wants to merge chore/APPS-2297 into develop\n\n+-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n+CREATE TABLE `patient` (\n+  `id` int NOT NULL,\n+  `mrn` varchar(16) NOT NULL,\n+  `last_name` varchar(60),\n+  `dob` date,\n+  `ssn` char(11),\n+  PRIMARY KEY (`id`)\n+);\n+INSERT INTO `patient` VALUES (1000,'4689298','Dónaill','2012-05-31','717-24-2867'),(1001,'9607646','Georgiou','2002-09-02','722-85-4925');\n";
    assert_reported(dump, &["4689298", "Dónaill", "2012-05-31", "717-24-2867", "9607646", "722-85-4925"]);
    // A fixed-width claim line without its header: a `LAST,FIRST` name beside dates and a diagnosis code.
    assert_reported("+3405657918  LEFÈVRE,LOÏC                19771018 20261003 20261005 0131 E03.9     8769700\n", &["LEFÈVRE,LOÏC"]);
    // A table in a quoted e-mail, each row after its quote marks; a handoff row's age and sex.
    let quoted = "> > > > > Account\tPatient\tDOS\tPayer\tDenial\n> > > > > 350058790\tJean-Gilles, Fritzner\t9/25/2026\tMolina Healthcare\tCO-22\n> > > > > 1827007910\tGroßmann, Jutta\t10/20/2026\tMedicaid\tCO-29\n";
    assert_reported(quoted, &["350058790", "1827007910", "Jean-Gilles, Fritzner", "9/25/2026"]);
    assert_reported("| 419 | Gebremedhin, Yonas (98 M) | Watcher | Type 2 diabetes mellitus |", &["Gebremedhin, Yonas", "98 M"]);
    assert_reported("**Patient:** Jaamac, Abdirahman A. · **MRN:** E7459098 · **DOB:** 06/20/1932 (93 y)", &["06/20/1932", "93 y"]);
    // A segment an exception quotes in brackets.
    assert_reported("com.lpm.charges.ChargeRejectedException: FT1-7 not in CDM for segment group [PID|1||360595132^^^LPM^MR||GONÇALVES^LUIZ FERNANDO||19820601|M]\n\tat com.lpm.charges.Poster.post(Poster.java:88)", &["360595132", "GONÇALVES^LUIZ FERNANDO", "19820601"]);
    // A comment's header says when it was written and by whom (staff), not a patient's date.
    let thread = "PID|1||00412345^^^HOSP^MR||GONZALEZ^MARIA||19620314|F\n\nLenka Dvořáková added a comment - December 8, 2026 10:58\nRetried.\n\nKäthe von Hagen · Dec 16, 2026, 8:10 PM\nLGTM.";
    assert_reported(thread, &["00412345", "GONZALEZ^MARIA", "19620314"]);
    for stamp in ["December 8, 2026 10:58", "Käthe von Hagen", "Dec 16, 2026"] {
        assert!(!covers(thread, stamp), "{stamp} reported");
    }
    // A test patient's search URL; a UUID in a FHIR URL's path is a server's key.
    assert_allowed("curl -H 'Authorization: Bearer $TOKEN' 'https://api.example-health.org/fhir/r4/Patient?family=Everyman&given=Adam'");
    assert_allowed("|GET https://api.example-health.org/fhir/r4/Patient/0a90a174-0305-4056-807e-886d4918e7b2/$everything|changed|paging via _count|\n\n* /v1 endpoints removed on 2027-03-18");
}

#[test]
fn a_dumps_rows_without_their_closing_parenthesis_are_still_rows() {
    let text = "INSERT INTO `patient` (`id`,`mrn`,`last_name`,`first_name`,`birth_date`) VALUES (1,'2480146','Park','Seo-yeon','2001-01-06',(2,'MR485862','Kebede','Selam','2009-04-30',(3,'MR286617','Macapagal','Rodel','1963-02-04');";
    assert_reported(text, &["2480146", "2001-01-06", "MR485862", "Kebede", "2009-04-30", "MR286617", "1963-02-04"]);
}

#[test]
fn an_obx_whose_observation_names_an_identifier_holds_one() {
    let text = "PID|1||MR577651^^^NGH^MR||TEHRANI^REZA||19820720|M\nOBX|1|ST|DCERT^Death certificate number^L||2026-890104||||||F\n";
    assert_reported(text, &["2026-890104"]);
}

#[test]
fn links_and_addresses_in_a_patients_row_are_the_patients() {
    let text = "Patient\tMRN\tLink\tFirst opened from\tOpened at\nHernández, Ximena\t00248368\thttps://mychart.tamarackvh.org/MyChart/app/messages/thread?patId=00248368\t173.178.36.218\t2026-04-24 15:04\nOlga Smirnova\t00118061\thttps://portal.tamarackvh.org/patient/00118061/results\t2601:c98:bd68:2a81:48df:ffa3:59bb:b1ee\t2026-04-25 21:47\n";
    assert_reported(text, &["173.178.36.218", "2601:c98:bd68:2a81:48df:ffa3:59bb:b1ee"]);
    let wiki = "||Patient||DOB||Status||Crash report folder||\n|Caio da Silva|01/06/1973|awaiting adjuster|https://northgatehealth.sharepoint.com/sites/PFS/Subro/2026/Dasilva%20Caio|\n";
    assert_reported(wiki, &["https://northgatehealth.sharepoint.com/sites/PFS/Subro/2026/Dasilva%20Caio"]);
    // (A row longer than its header is read without failing.)
    assert_reported("||Patient||DOB||\n|Caio da Silva|01/06/1973|https://x.example.org/a|10.1.2.3|extra|\n", &["Caio da Silva"]);
}

#[test]
fn a_sixth_probes_clean_pages_stay_quiet() {
    // A medical policy's number and effective date; a new hire's start date beside staff.
    assert_allowed("**Cascadia Mutual Health Plan - Medical Policy**\n| | |\n|---|---|\n| Policy number | SUR.86 |\n| Effective date | April 12, 2025 |\n| Last reviewed | February 26, 2025 |\nBMI >= 40 kg/m2 with obesity-related comorbidity.");
    assert_allowed("*HRIT-5279* New hire onboarding - Seo-yeon Jeong, Business Analyst - Claims\n\n*Start date:* June 17, 2024   *Manager:* Emre Demir   *Onboarding buddy:* Jamal Freeman\nQuestions: Emre (emre.demir@cascadiamutual.com, +1-253-218-8912).");
    // A speaker who presented a report; a test plan's synthetic members.
    assert_allowed("* *Alert burden:* Mehmet presented the quarterly report. Top 10 interruptive alerts fired 14,025 times, 86% overridden.\n_Next meeting: January 6, 2025_");
    assert_allowed("||Case||Member ID||Name||Scenario||\n|TC-01|ZZT900000001|TESTMEMBER, ALPHA|In-network office visit 99213|\n|TC-02|ZZT900000002|TESTMEMBER, BRAVO|Lab panel 80053|\nWindow: 2 Jun 2023 - 12 Jun 2023");
}

#[test]
fn a_seventh_probes_clean_pages_stay_quiet() {
    // Data centres with their contact after the address; an office's suite beside a name.
    assert_allowed("### Data centres\n- **us-east (primary)** — 21635 Red Rum Dr, Ashburn, VA 20147 (access list managed by Kwame Asante)\n- **us-central (DR)** — 3500 Lyman Blvd, Chaska, MN 55318 (access list managed by Kwame Asante)\nTSH reflex testing goes live.");
    assert_allowed("* 2x Abbott Afinion 2 shipping to Dr. Lena Ortiz's clinic, 1480 Olentangy River Rd, Suite 210, Columbus, OH 43215. HbA1c panel.");
    // A reference range's top age band; an ASTM test message in a test's source.
    assert_allowed("||Age band||Sex||Reference range||\n|18-89 y|All|0.45–4.5 mIU/L|\n|90 y and over|All|0.45–6.0 mIU/L|");
    assert_allowed("+        \"P|1||ZZTEST0002||TEST^PATIENT||19000101|U\",\n+        \"O|1|DEMO-000001||^^^GLU|R\",\n+        \"R|1|^^^GLU|98|mg/dL|70-99|N||F\",");
    // Dates built in a validator's tests: a placeholder birth date, a frozen today, a validator's input.
    assert_allowed("+PLACEHOLDER_DOB = date(1900, 1, 1)\n+TODAY = date(2024, 3, 1)  # frozen today\n+    validate_birth_date(date(1920, 7, 4), today=TODAY)  # 103, plausible");
    // A factory's member id counting up after a dashed prefix.
    assert_allowed("+    expect(build(:coverage, payer_id: \"unknown\", member_id: \"XYZ-12345\")).to be_valid\nReview (Priya Raghunathan, June 16, 2025): ok");
}

#[test]
fn an_eighth_probes_clean_pages_stay_quiet() {
    // A speaker who presented; a device observation's coded identifier.
    assert_allowed("4. Proposal: standardize de-identification on Safe Harbor. Siobhan O'Connell presented benchmark; council asked for sepsis cohort counts.\nACTION: Aroha Ngata to circulate the standard by 12/27/23.");
    assert_allowed("2024-03-04 10:15:02 ERROR [pump-gw] java.lang.IllegalStateException: No HL7 mapping for observation identifier 150456^MDC_PULS_OXIM_SAT_O2^MDC\n\tat org.acme.Mapper.map(Mapper.java:88)");
}
