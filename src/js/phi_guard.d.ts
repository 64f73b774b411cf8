// PHI Guard: find protected health information in text, in the browser.
// CONTRACTS.md sections 1, 2, 4 and 5.

export type Kind =
  | "person_name" | "street_address" | "zip_code" | "date" | "age_over_89" | "phone" | "email" | "ssn" | "mrn"
  | "health_plan_id" | "medicare_mbi" | "account_number" | "license_number" | "vehicle_id" | "device_id" | "url"
  | "ip_address" | "biometric_id" | "photo" | "other_id" | "diagnosis_code" | "procedure_code" | "drug_code"
  | "medication" | "condition" | "credit_card";

export type Verdict = "allow" | "warn" | "block";

export interface Finding {
  kind: Kind;
  /** UTF-16 offsets: `text.slice(start, end)` is the match. */
  start: number;
  end: number;
  /** 0 to 1, two decimals. */
  score: number;
  /** The match, masked (`***-**-6789`); never the text itself. */
  preview: string;
  reason: string;
  /** Where in a structured format the value sat (`hl7:PID-5`). */
  source?: string;
}

export interface Report {
  verdict: Verdict;
  findings: Finding[];
  stats: { bytes: number; elapsed_us: number; truncated?: boolean };
  /** Plain-language notes (input truncated, file not inspectable); never scanned text. */
  notes?: string[];
}

export interface CustomPattern { kind: Kind; name: string; regex: string; score?: number }

export interface Policy {
  mode?: "warn" | "block" | "monitor";
  report_threshold?: number;
  block_kinds?: Kind[];
  disabled_kinds?: Kind[];
  custom_patterns?: CustomPattern[];
  allow_patterns?: string[];
  hosts?: string[];
  require_justification?: boolean;
  allow_redact?: boolean;
  max_scan_bytes?: number;
  on_error?: Verdict;
  audit?: { local?: boolean; endpoint?: string | null; token?: string; format?: "json" | "splunk_hec" };
}

export interface RedactOptions { style?: "mask" | "label" | "pseudonym" }

export class PhiGuard {
  /** Throws an Error naming every bad field of the policy. */
  constructor(policy?: Policy | null);
  scanText(text: string): Report;
  /**
   * Attachments (text, CSV, HL7, JSON, C-CDA, docx, xlsx, pptx, PDF, DICOM, images, zip); what cannot be
   * inspected gets the policy's `on_error` verdict and a note. Needs the attachment readers (`init`, `loadFiles`).
   */
  scanFile(name: string, bytes: Uint8Array | ArrayBuffer): Report;
  redact(text: string, options?: RedactOptions): string;
  /** The policy in force, defaults filled in. */
  readonly policy: Required<Policy>;
  /** False once an internal error has stopped the module, or after free(). */
  readonly usable: boolean;
  free(): void;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/**
 * Loads the core module (by default `phi_guard_core_bg.wasm` beside this file) and the attachment
 * readers (`phi_guard_files_bg.wasm`), unless `files` is false: then call `loadFiles()` before the
 * first `scanFile`. `files` may also give the readers' own `module_or_path`.
 */
export default function init(input?: { module_or_path?: InitInput | Promise<InitInput>; files?: boolean | { module_or_path: InitInput | Promise<InitInput> } }): Promise<unknown>;
/** Loads the attachment readers once; later calls return the same promise. */
export function loadFiles(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
export function initSync(input: { module: BufferSource | WebAssembly.Module; files?: { module: BufferSource | WebAssembly.Module } }): unknown;
/** @internal Panics inside the module, to test how a panic surfaces. */
export function panicForTests(): void;
