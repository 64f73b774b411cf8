// Sample documents for the playground. Every name, number and date here is
// invented: no record of a real person is behind any of them.

const HL7_TICKET = `[EHR-4821] ADT^A01 from Springfield rejected: PID-7 date format
Type: Bug    Status: Open    Priority: High
Reporter: Dana Whitfield
Created: 20/Nov/26 10:15 AM

Description
Since Tuesday's deploy the inbound channel rejects admissions from the Springfield feed.
Example patient: Maria Gonzalez (MRN 00482913). Pasted message below.

{code}
MSH|^~\\&|ADT|HOSP|EHR|HOSP|20261120101532||ADT^A01|MSG00001|P|2.5
EVN|A01|20261120101532
PID|1||00482913^^^HOSP^MR||GONZALEZ^MARIA^L||19620314|F|||12 Oak Street^^Springfield^IL^62704||(217)555-0143|||M||ACC-7734512|536-22-8142
PV1|1|I|4W^412^B^HOSP|E|||1234567893^SHAH^PRIYA^^^MD|||MED
DG1|1|I10|J18.9^Pneumonia, unspecified organism^I10||20261120|A
{code}

Log:
{noformat}
2026-11-20 10:15:32,114 ERROR [mllp-listener-3] c.a.ehr.AdtInboundHandler - DataTypeException: Invalid date format in PID-7
{noformat}
`;

const FHIR_PATIENT = `{
  "resourceType": "Patient",
  "id": "3f2c9a7e-5b1d-4e8a-9c6f-2d7b1e0a4c58",
  "identifier": [
    { "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR" }] }, "system": "http://example-hospital.org/fhir/mrn", "value": "00482913" },
    { "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "SS" }] }, "system": "http://hl7.org/fhir/sid/us-ssn", "value": "536-22-8142" }
  ],
  "active": true,
  "name": [{ "use": "official", "family": "Nguyễn", "given": ["Văn", "An"] }],
  "telecom": [
    { "system": "phone", "value": "217-555-0143", "use": "home" },
    { "system": "email", "value": "an.nguyen@example.net" }
  ],
  "gender": "male",
  "birthDate": "1962-03-14",
  "address": [{ "use": "home", "line": ["12 Oak Street"], "city": "Springfield", "state": "IL", "postalCode": "62704", "country": "US" }]
}
`;

const CONFLUENCE_TABLE = `Integration Team / Projects
Readmission review list
Created by Dana Whitfield, last modified by Tomás Ibáñez on Nov 20, 2026

Do not share outside the team. Worklist for this week; update the status column when done.

|| Patient || DOB || MRN || Diagnosis || Unit ||
| GONZALEZ, MARIA | 03/14/1962 | 00482913 | pneumonia J18.9 | 4W-412B |
| NGUYỄN, VĂN AN | 07/02/1948 | 00517260 | type 2 diabetes E11.9 | ICU-282B |
| OKAFOR, CHIDI | 11/23/1975 | 00630184 | asthma J45.909 | ED-407B |
`;

const STACK_TRACE = `LAB-2037 OptimisticLockException saving Encounter after concurrent update
Type: Bug    Status: Reopened    Priority: Major
Affects Version/s: 2024.2.3    Fix Version/s: 2024.3.9

Description
Reproducible on QA with build 2001 (2024.2.3). Roughly 7 occurrences per hour.

{code:java}
java.net.SocketTimeoutException: Read timed out
	at com.acme.interop.repository.PatientService.run(PatientService.java:384)
	at com.acme.interop.repository.EncounterSyncJob.save(EncounterSyncJob.java:357)
	at com.acme.interop.api.PatientSearchController.search(PatientSearchController.java:63)
	at com.acme.interop.mapper.ChartLockManager.run(ChartLockManager.java:620)
Caused by: java.lang.OutOfMemoryError: Java heap space
	at org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2731)
	... 89 more
{code}

Logs:
{noformat}
2024-01-12 12:52:12,196 WARN  [pool-8-thread-22] c.a.c.EncounterSyncJob - Kafka consumer group encounter-sync lag=66161 partition=1
2024-01-12 12:55:51,857 DEBUG [mllp-listener-1] c.a.i.InsuranceUpdater - Processed batch 3246 (4366 records) in 32ms
{noformat}

Related: IFACE-3910, HL7-2834
`;

/** The samples, in the order of their buttons. `phi` says whether the sample holds identifiers. */
export const SAMPLES = [
  { id: "hl7", label: "HL7 ticket", description: "A Jira bug with a pasted ADT^A01 message", phi: true, text: HL7_TICKET },
  { id: "fhir", label: "FHIR Patient", description: "A FHIR Patient resource from a test fixture", phi: true, text: FHIR_PATIENT },
  { id: "confluence", label: "Confluence table", description: "A wiki page with a patient worklist table", phi: true, text: CONFLUENCE_TABLE },
  { id: "stacktrace", label: "Clean stack trace", description: "A Java stack trace with no patient information", phi: false, text: STACK_TRACE },
];
