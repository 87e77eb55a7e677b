//! The benchmark's generated responses are valid LEFI v9 documents whose payments are
//! all consistent, so the benchmark measures realistic, checkable input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../../benches/support/mod.rs"]
mod support;

use lefi::model::lefi::LefiExternFormansinformationSvar;
use lefi::model::payments::PaymentList;
use lefi::wire::DecodeSettings;
use lefi::wire::lefi_json;

#[test]
fn generated_responses_decode_strictly_and_check_clean() {
    for (target, seed) in [(20 * 1024, 1_u64), (200 * 1024, 0x5EED_0200)] {
        let (bytes, counts) = support::response(target, seed);
        assert!(
            bytes.len() >= target && bytes.len() < target + 4096,
            "{}",
            bytes.len()
        );
        // Strict: no unknown properties, no tolerated quirks.
        let svar = lefi_json::decode_with::<LefiExternFormansinformationSvar>(
            &bytes,
            &DecodeSettings::strict(),
        )
        .expect("generated response decodes strictly")
        .value;
        let count = |list| {
            svar.payments()
                .filter(|p| p.location().list() == list)
                .count()
        };
        assert_eq!(count(PaymentList::FkExecuted), counts.fk_executed);
        assert_eq!(count(PaymentList::FkPreliminary), counts.fk_preliminary);
        assert_eq!(count(PaymentList::PmExecuted), counts.pm_executed);
        assert_eq!(count(PaymentList::PmPreliminary), counts.pm_preliminary);
        assert!(counts.payments() > 10);
        assert!(svar.payments().all(|p| p.rows().len() >= 2));
        let violations = svar.check();
        assert!(violations.is_empty(), "{}", violations[0]);
        // Same bytes, same document.
        assert_eq!(support::response(target, seed).0, bytes);
    }
}
