-- test patients for local dev (copied from staging)
BEGIN;

INSERT INTO patients (id, mrn, first_name, last_name, dob, sex, ssn, phone, address_line1, address_line2, city, state, zip, email)
  VALUES (90421, 'E162596160', 'Jonathan', 'Hensley', '1995-10-18', 'M', '361-84-1551', '505-674-5732', '5566 Sunset Way', 'Apt 1093', 'Albuquerque', 'NM', '87180', 'jonathanh@comcast.net');
INSERT INTO patients (id, mrn, first_name, last_name, dob, sex, ssn, phone, address_line1, city, state, zip, email)
  VALUES (68897, 'E998200726', 'Yan', 'Tian', '1930-02-09', 'F', '487-83-4796', '914-850-2652', '17602 Alvarado Pl', 'Yonkers', 'NY', '10711-9949', 'yan_tian44@outlook.com');

INSERT INTO encounters (encounter_id, patient_id, visit_number, admit_dt, discharge_dt, attending_npi, primary_dx, facility)
  VALUES (300715, 90421, '636435779', '2023-10-01 15:58:00', '2023-10-13 11:14:00', '1926402771', 'D64.9', 'Children''s Mercy');
INSERT INTO encounters (encounter_id, patient_id, visit_number, admit_dt, discharge_dt, attending_npi, primary_dx, facility)
  VALUES (442853, 90421, '460836160', '2023-12-04 13:45:00', '2023-12-14 14:04:00', '1447177738', 'G40.909', 'Northshore University HealthSystem');
INSERT INTO encounters (encounter_id, patient_id, visit_number, admit_dt, discharge_dt, attending_npi, primary_dx, facility)
  VALUES (751927, 68897, '103505397', '2023-10-04 09:38:00', '2023-10-11 01:25:00', '1582119651', 'F41.1', 'Riverside Medical Center');

COMMIT;
