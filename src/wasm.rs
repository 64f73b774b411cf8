//! JavaScript bindings (wasm32 only): the `PhiGuard` class of
//! `CONTRACTS.md` section 5. Reports cross the boundary with UTF-16 offsets,
//! so `text.slice(start, end)` is the match: serde-wasm-bindgen builds the
//! report object, but its findings travel packed (see `pack`) and
//! `src/js/wrap.js` rebuilds them. The core stays free of JavaScript types;
//! this module only converts.
//!
//! The crate builds two modules from this file. The core module (default)
//! has `PhiGuard`: texts, redaction, and the scan of a file's parts. The
//! attachment module (feature `wasm-files`) has only `extractFile`, which
//! reads a file into those parts (zip, Office, PDF, DICOM, images) as JSON.
//! Pages load the core first and the attachment readers on their first
//! file, so a page that only checks pastes never downloads them.
//!
//! A panic cannot unwind on wasm32: it traps, and the JavaScript call throws
//! a `WebAssembly.RuntimeError`. The panic hook keeps the message (with any
//! quoted text withheld) for [`take_panic_message`], which the package's
//! `phi_guard.js` wrapper turns into a readable `Error`.

#[cfg(not(feature = "wasm-files"))]
use crate::{Policy, RedactStyle, Report, Scanner};
use std::sync::Mutex;
use wasm_bindgen::prelude::*;

static PANIC: Mutex<Option<String>> = Mutex::new(None);

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        // `PanicHookInfo::payload_as_str` needs Rust 1.91; the crate supports 1.82.
        let payload = info.payload();
        let message = payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str)).unwrap_or("a panic with no message");
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut slot) = PANIC.lock() {
            *slot = Some(format!("{}{at}", crate::error::scrub_panic(message)));
        }
    }));
}

/// The message of the last panic (quoted text withheld), once.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    PANIC.lock().ok().and_then(|mut slot| slot.take())
}

/// Panics on purpose, so that tests can check how a panic surfaces.
#[doc(hidden)]
#[cfg(not(feature = "wasm-files"))]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("deliberate panic for tests, holding `Maria Gonzalez`");
}

/// Reads a file (any format `PhiGuard` scans) into its parts within
/// `limits` (the policy's `files` object, as `PhiGuard.policy` gives it),
/// as JSON for `PhiGuard.scanExtracted`. Nothing is scanned here.
#[cfg(feature = "wasm-files")]
#[wasm_bindgen(js_name = extractFile)]
pub fn extract_file(name: &str, bytes: &[u8], limits: JsValue) -> Result<JsValue, JsError> {
    let limits: crate::FileLimits = serde_wasm_bindgen::from_value(limits).map_err(|e| JsError::new(&format!("files limits: {e}")))?;
    let extraction = crate::files::extract(limits, now, name, bytes);
    serde::Serialize::serialize(&extraction, &serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// A scanner with a compiled policy.
#[cfg(not(feature = "wasm-files"))]
#[wasm_bindgen(js_name = PhiGuard)]
pub struct PhiGuard {
    scanner: Scanner,
}

#[cfg(not(feature = "wasm-files"))]
#[wasm_bindgen(js_class = PhiGuard)]
impl PhiGuard {
    /// Compiles a policy object (`CONTRACTS.md` section 4); `undefined` or
    /// `null` is the default policy. Throws an `Error` naming every bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue) -> Result<PhiGuard, JsError> {
        let policy = if policy.is_undefined() || policy.is_null() {
            Policy::default()
        } else {
            Policy::from_value(&json_value(&policy, "policy")?).map_err(error)?
        };
        crate::recognizers::date::set_today(js_sys::Date::now());
        Ok(PhiGuard { scanner: Scanner::new(policy).map_err(error)?.with_clock(now) })
    }

    /// Scans text; the report's offsets are UTF-16 code units.
    #[wasm_bindgen(js_name = scanText)]
    pub fn scan_text(&self, text: &str) -> Result<JsValue, JsError> {
        timed(|| self.scanner.scan_text(text).into_utf16_offsets(text))
    }

    /// Scans what the attachment module's `extractFile` read from a file.
    /// Offsets are UTF-16 code units into the text that was scanned (the
    /// decoded file, or the parts extracted from it); `source` names the
    /// part. What could not be inspected has a note and the policy's
    /// `on_error` verdict. `scanFile` in `phi_guard.js` calls the two.
    #[wasm_bindgen(js_name = scanExtracted)]
    pub fn scan_extracted(&self, extraction: JsValue) -> Result<JsValue, JsError> {
        let scan = crate::files::scan_extraction_value(&self.scanner, &json_value(&extraction, "extraction")?).map_err(error)?;
        timed(|| scan.report.into_utf16_offsets(&scan.text))
    }

    /// Text with every reported identifier replaced. `options.style` is
    /// `"mask"` (the default), `"label"` or `"pseudonym"`.
    pub fn redact(&self, text: &str, options: JsValue) -> Result<String, JsError> {
        let style = if options.is_undefined() || options.is_null() {
            RedactStyle::Mask
        } else {
            let style = js_sys::Reflect::get(&options, &JsValue::from_str("style")).unwrap_or(JsValue::UNDEFINED);
            match style.as_string() {
                Some(s) => s.parse().map_err(error)?,
                None if style.is_undefined() => RedactStyle::Mask,
                None => return Err(JsError::new("options.style must be \"mask\", \"label\" or \"pseudonym\"")),
            }
        };
        Ok(self.scanner.redact(text, style))
    }

    /// The policy in force, with defaults filled in.
    #[wasm_bindgen(getter)]
    pub fn policy(&self) -> Result<JsValue, JsError> {
        to_js(self.scanner.policy())
    }
}

#[cfg(not(feature = "wasm-files"))]
impl PhiGuard {
    /// Extracts and scans a file in this one module, as the two modules do
    /// together (for the Rust tests of the bindings; not exported).
    #[doc(hidden)]
    pub fn scan_file(&self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        timed(|| {
            let scan = self.scanner.scan_file(name, bytes);
            scan.report.into_utf16_offsets(&scan.text)
        })
    }
}

/// Runs a scan, sets `stats.elapsed_us` to its wall time (the core has no
/// clock on wasm32) and converts the report for JavaScript, its findings
/// packed (see [`pack`]).
#[cfg(not(feature = "wasm-files"))]
fn timed(scan: impl FnOnce() -> Report) -> Result<JsValue, JsError> {
    let clock = now();
    let mut report = scan();
    report.stats.elapsed_us = ((now() - clock) * 1000.0) as u64;
    /// The report as serde-wasm-bindgen builds it, with the packed findings in place.
    #[derive(serde::Serialize)]
    struct Packed<'r> {
        verdict: crate::Verdict,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        findings: JsValue,
        stats: &'r crate::Stats,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        notes: &'r [String],
    }
    to_js(&Packed { verdict: report.verdict, findings: pack(&report.findings), stats: &report.stats, notes: &report.notes })
}

/// Findings as two values, where serde-wasm-bindgen would cross the
/// boundary a dozen times per finding (a sixth of a 100 KB paste's time):
/// `[numbers, strings]`. Per finding, seven numbers: start, end, score, and
/// the lengths in UTF-16 units of its kind, preview, reason and source (0
/// for none), which stand in that order one after another in `strings`.
/// `unpacked` in `wrap.js` rebuilds the contract's finding objects.
#[cfg(not(feature = "wasm-files"))]
fn pack(findings: &[crate::Finding]) -> JsValue {
    let mut numbers = Vec::with_capacity(findings.len() * 7);
    let mut strings = String::new();
    for f in findings {
        numbers.extend([f.start as f64, f.end as f64, crate::report::rounded(f.score)]);
        for s in [f.kind.id(), &f.preview, &f.reason, f.source.as_deref().unwrap_or("")] {
            numbers.push(s.encode_utf16().count() as f64);
            strings.push_str(s);
        }
    }
    js_sys::Array::of2(&js_sys::Float64Array::from(&numbers[..]), &JsValue::from_str(&strings)).into()
}

#[cfg(not(feature = "wasm-files"))]
fn error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// A JavaScript value as JSON data, read property by property as
/// `JSON.stringify` would write it (`undefined` and functions left out of
/// objects, `null` in arrays; `NaN` and infinities `null`), without a JSON
/// parser in the package. A cycle or nesting deeper than 64 is an error.
#[cfg(not(feature = "wasm-files"))]
fn json_value(value: &JsValue, what: &str) -> Result<serde_json::Value, JsError> {
    json_at(value, 0).ok_or_else(|| JsError::new(&format!("{what}: not a JSON value (nested too deeply, or cyclic)")))
}

#[cfg(not(feature = "wasm-files"))]
fn json_at(v: &JsValue, depth: u8) -> Option<serde_json::Value> {
    use serde_json::Value;
    if depth > 64 {
        return None;
    }
    Some(if let Some(s) = v.as_string() {
        Value::String(s)
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = v.as_f64() {
        // An integer reads back as one (`as_u64`), as a JSON parser gives it.
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            if n >= 0.0 { Value::from(n as u64) } else { Value::from(n as i64) }
        } else {
            serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
        }
    } else if js_sys::Array::is_array(v) {
        let list: &js_sys::Array = v.unchecked_ref();
        let item = |x: JsValue| if x.is_undefined() || x.is_function() { Some(Value::Null) } else { json_at(&x, depth + 1) };
        Value::Array(list.iter().map(item).collect::<Option<_>>()?)
    } else if v.is_object() && !v.is_function() {
        let mut map = serde_json::Map::new();
        for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
            let x = js_sys::Reflect::get(v, &key).ok()?;
            if !(x.is_undefined() || x.is_function()) {
                map.insert(key.as_string()?, json_at(&x, depth + 1)?);
            }
        }
        Value::Object(map)
    } else {
        Value::Null
    })
}

#[cfg(not(feature = "wasm-files"))]
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Milliseconds from `performance.now()` where the global scope has it
/// (windows, workers, Node), else 0.
fn now() -> f64 {
    thread_local! {
        // Looked up once: a property read across the boundary costs as much as a small scan.
        static PERFORMANCE: Option<web_sys::Performance> = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
            .ok()
            .filter(|p| !p.is_undefined())
            .map(JsCast::unchecked_into);
    }
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, web_sys::Performance::now))
}
