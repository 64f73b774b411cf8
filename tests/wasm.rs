//! The wasm bindings, run by `wasm-bindgen-test-runner` in Node and in
//! headless Chromium (`make test-wasm`). Native `cargo test` compiles this
//! file to nothing.
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect, JSON};
use phi_guard::wasm::PhiGuard;
use phi_guard::{Policy, Scanner};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The report's findings as objects, unpacked as `unpacked` in `wrap.js` does.
fn findings(report: &JsValue) -> Vec<JsValue> {
    let packed = js_sys::Array::from(&get(report, "findings"));
    let strings = JsString::from(packed.get(1));
    let mut at = 0;
    let numbers = js_sys::Float64Array::from(packed.get(0)).to_vec();
    numbers
        .chunks(7)
        .map(|n| {
            let f = js_sys::Object::new();
            let set = |key: &str, value: JsValue| Reflect::set(&f, &key.into(), &value).unwrap();
            set("start", n[0].into());
            set("end", n[1].into());
            set("score", n[2].into());
            for (key, &length) in ["kind", "preview", "reason", "source"].into_iter().zip(&n[3..]) {
                if length > 0.0 || key != "source" {
                    set(key, strings.slice(at, at + length as u32).into());
                }
                at += length as u32;
            }
            f.into()
        })
        .collect()
}

fn offset(f: &JsValue, key: &str) -> u32 {
    get(f, key).as_f64().unwrap() as u32
}

fn error_message(e: wasm_bindgen::JsError) -> String {
    get(&JsValue::from(e), "message").as_string().unwrap()
}

fn guard(policy: &str) -> Result<PhiGuard, String> {
    PhiGuard::new(JSON::parse(policy).unwrap()).map_err(error_message)
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_the_match_around_emoji_and_accents() {
    let text = "🏥 Patient José Nguyễn 👩‍⚕️, DOB 03/14/1962, MRN 00412345, Đặng Thị Mai (daughter) at (617) 734-2291 🙂";
    let native = Scanner::new(Policy::default()).unwrap().scan_text(text);
    let report = PhiGuard::new(JsValue::UNDEFINED).unwrap().scan_text(text).unwrap();
    let found = findings(&report);
    assert_eq!(found.len(), native.findings.len());
    assert!(found.len() >= 4);
    let js = JsString::from(text);
    for (f, n) in found.iter().zip(&native.findings) {
        let slice: String = js.slice(offset(f, "start"), offset(f, "end")).into();
        assert_eq!(slice, text[n.start..n.end]);
        assert_eq!(get(f, "kind").as_string().unwrap(), n.kind.id());
    }
    assert_eq!(get(&report, "verdict").as_string().unwrap(), "warn");
}

#[wasm_bindgen_test]
fn a_report_never_holds_the_matched_text() {
    let text = "Patient Maria Gonzalez, SSN 536-22-8471";
    let report = PhiGuard::new(JsValue::UNDEFINED).unwrap().scan_text(text).unwrap();
    let json: String = JSON::stringify(&report).unwrap().into();
    assert!(!json.contains("Gonzalez") && !json.contains("536-22-8471"), "{json}");
    let score = get(&findings(&report)[0], "score").as_f64().unwrap();
    assert_eq!(score, (score * 100.0).round() / 100.0);
}

#[wasm_bindgen_test]
fn bad_policies_throw_errors_that_name_the_field() {
    let e = guard(r#"{"report_threshold": 7}"#).err().unwrap();
    assert!(e.contains("report_threshold"), "{e}");
    let e = guard(r#"{"mode": "shout", "custom_patterns": [{"name": "x", "kind": "mrn", "regex": "("}]}"#).err().unwrap();
    assert!(e.contains("mode") && e.contains("custom_patterns[0].regex"), "{e}");
    let e = PhiGuard::new(JsValue::from_str("not an object")).err().map(error_message).unwrap();
    assert!(e.contains("policy"), "{e}");
    // An object that is no JSON data (it holds itself): a plain error, no panic.
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &JsValue::from_str("self"), &cyclic).unwrap();
    let e = PhiGuard::new(cyclic.into()).err().map(error_message).unwrap();
    assert!(e.contains("policy: not a JSON value"), "{e}");
    assert!(guard(r#"{"mode": "block"}"#).is_ok());
}

#[wasm_bindgen_test]
fn the_policy_decides_and_custom_patterns_apply() {
    let g = guard(r#"{"mode": "block", "custom_patterns": [{"name": "Acme chart", "kind": "mrn", "regex": "ACM-[0-9]{6}", "score": 0.9}]}"#).unwrap();
    let report = g.scan_text("see chart ACM-123456 for the follow-up").unwrap();
    assert_eq!(get(&report, "verdict").as_string().unwrap(), "block");
    assert_eq!(get(&findings(&report)[0], "source").as_string().unwrap(), "policy:Acme chart");
    assert_eq!(get(&g.policy().unwrap(), "mode").as_string().as_deref(), Some("block"));
}

#[wasm_bindgen_test]
fn redaction_styles() {
    let g = PhiGuard::new(JsValue::UNDEFINED).unwrap();
    let text = "Patient Maria Gonzalez, SSN 536-22-8471. Maria Gonzalez called back.";
    let style = |s: &str| JSON::parse(&format!(r#"{{"style": "{s}"}}"#)).unwrap();
    let pseudo = g.redact(text, style("pseudonym")).unwrap();
    assert!(!pseudo.contains("Gonzalez") && !pseudo.contains("8471"), "{pseudo}");
    assert_eq!(pseudo.matches("[PATIENT-1]").count(), 2, "{pseudo}");
    assert!(g.redact(text, style("label")).unwrap().contains("[SSN]"));
    assert!(g.redact(text, JsValue::UNDEFINED).unwrap().contains("***-**-****"));
    let e = g.redact(text, style("blur")).err().map(error_message).unwrap();
    assert!(e.contains("style"), "{e}");
}

#[wasm_bindgen_test]
fn files_decode_and_binary_files_get_the_error_verdict() {
    let g = guard(r#"{"on_error": "block"}"#).unwrap();
    let text = "Patient: Đặng Thị Mai\nDOB: 03/14/1962\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let report = g.scan_file("notes.txt", &utf16).unwrap();
    let js = JsString::from(text);
    let kinds: Vec<String> = findings(&report).iter().map(|f| get(f, "kind").as_string().unwrap()).collect();
    assert!(kinds.contains(&"person_name".to_string()) && kinds.contains(&"date".to_string()), "{kinds:?}");
    for f in findings(&report) {
        let slice: String = js.slice(offset(&f, "start"), offset(&f, "end")).into();
        assert!(text.contains(&slice) && !slice.is_empty());
    }
    let binary = b"\xCA\xFE\xBA\xBE\0\0\0\x34\0\x1d\x0a\0\x06\0\x0f";
    let report = g.scan_file("Main.class", binary).unwrap();
    assert_eq!(get(&report, "verdict").as_string().unwrap(), "block");
    let notes: String = JSON::stringify(&get(&report, "notes")).unwrap().into();
    assert!(notes.contains("could not inspect") && !notes.contains("Main.class"), "{notes}");
}

#[wasm_bindgen_test]
fn invalid_utf16_and_large_inputs_do_not_fail() {
    let g = guard(r#"{"max_scan_bytes": 1000000}"#).unwrap();
    // A lone surrogate reaches Rust as U+FFFD: one UTF-16 unit either way.
    let lone = JsString::from_char_code(&[0xD800, 0x20]).concat(&JsString::from("SSN 536-22-8471"));
    let report = g.scan_text(&String::from(lone.clone())).unwrap();
    let f = &findings(&report)[0];
    assert_eq!(String::from(lone.slice(offset(f, "start"), offset(f, "end"))), "536-22-8471");
    let big = "2026-11-20 10:15:32 INFO request ok\n".repeat(60_000);
    let report = g.scan_text(&big).unwrap();
    assert_eq!(get(&get(&report, "stats"), "truncated").as_bool(), Some(true));
    assert!(get(&report, "notes").dyn_ref::<js_sys::Array>().unwrap().length() == 1);
}
