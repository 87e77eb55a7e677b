//! Round trips and rejection rules for every code list in `lefi::codes`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashSet;
use std::fmt::{Debug, Display};
use std::str::FromStr;

use lefi::codes::*;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Every string-coded list: name, ALL as codes, and a checker.
fn check_str_list<T>(
    all: &[T],
    code: impl Fn(&T) -> String,
    description: impl Fn(&T) -> &'static str,
) where
    T: FromStr<Err = ParseCodeError>
        + Display
        + Debug
        + PartialEq
        + Clone
        + Serialize
        + DeserializeOwned,
    for<'a> T: TryFrom<&'a str, Error = ParseCodeError>,
{
    assert!(!all.is_empty());
    let mut seen = HashSet::new();
    for value in all {
        let c = code(value);
        assert!(seen.insert(c.clone()), "duplicate code {c}");
        assert!(!description(value).is_empty(), "empty description for {c}");
        // Display is the wire code, parse(display(x)) == x.
        assert_eq!(value.to_string(), c);
        assert_eq!(&c.parse::<T>().unwrap(), value);
        assert_eq!(&T::try_from(c.as_str()).unwrap(), value);
        // serde: a JSON string, borrowed (from_str) and owned (from_value) both accepted.
        let json = serde_json::to_string(value).unwrap();
        assert_eq!(json, serde_json::to_string(&c).unwrap());
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
        assert_eq!(
            &serde_json::from_value::<T>(serde_json::Value::String(c.clone())).unwrap(),
            value
        );
        assert_eq!(
            &serde_json::from_reader::<_, T>(json.as_bytes()).unwrap(),
            value
        );
        // Case-sensitive: a lower-cased code is not the same code.
        let lower = c.to_lowercase();
        if lower != c {
            assert_ne!(lower.parse::<T>().ok().as_ref(), Some(value));
        }
    }
}

fn check_closed_rejects<T: FromStr<Err = ParseCodeError> + Debug + DeserializeOwned>(list: &str) {
    let err = "NO SUCH CODE".parse::<T>().unwrap_err();
    assert_eq!(err.list(), list);
    assert!(matches!(err, ParseCodeError::Unknown { .. }));
    assert_eq!(
        err.to_string(),
        format!("unknown {list} code \"NO SUCH CODE\"")
    );
    assert!(matches!(
        "".parse::<T>(),
        Err(ParseCodeError::Invalid {
            reason: InvalidCodeError::Empty,
            ..
        })
    ));
    assert!(serde_json::from_str::<T>("\"NO SUCH CODE\"").is_err());
    assert!(serde_json::from_str::<T>("17").is_err());
}

macro_rules! closed_lists {
    ($($ty:ident),+ $(,)?) => {
        #[test]
        fn closed_string_lists_round_trip_and_reject_unknowns() {
            $(
                check_str_list($ty::ALL, |v| v.code().to_owned(), |v| v.description());
                check_closed_rejects::<$ty>($ty::LIST);
            )+
        }
    };
}

closed_lists!(
    FkFormanGrupp,
    PmFormanGrupp,
    FormanGrupp,
    OvrigInformationTyp,
    PmOvrigInformationTyp,
    UtlamnareKod,
    TillstandKod,
    AvvikelseKod,
    PmBeslutStatus,
    PmBeslutUtfall,
    PmBeloppFrekvens,
    PmErsattningTyp,
    PmSamordningTyp,
    PmAvdragTyp,
    PmUtbetalningForman,
    PmBeloppTyp,
    PmPensionKontoTyp,
    PmKontoHandelseTyp,
    PmKontoTransaktionTyp,
    PmCivilstand,
    PreliminarForman,
    PreliminarDelforman,
    Giltighetstid,
    Kalla,
);

macro_rules! open_lists {
    ($($ty:ident),+ $(,)?) => {
        #[test]
        fn open_string_lists_round_trip_known_codes() {
            $(
                check_str_list($ty::ALL, |v| v.code().to_owned(), |v| v.description());
                for v in $ty::ALL {
                    assert!(v.is_known());
                }
            )+
        }

        /// Unknown codes of every open list become `Other` and round-trip exactly.
        fn open_unknown_round_trip(raw: &str) {
            $(
                let known = $ty::ALL.iter().any(|v| v.code() == raw);
                let parsed: $ty = raw.parse().unwrap();
                assert_eq!(parsed.is_known(), known);
                if !known {
                    assert_eq!(parsed, $ty::Other(UnknownCode::new(raw).unwrap()));
                    assert_eq!(parsed.description(), UNKNOWN_DESCRIPTION);
                }
                assert_eq!(parsed.code(), raw);
                assert_eq!(parsed.to_string(), raw);
                let json = serde_json::to_string(&parsed).unwrap();
                assert_eq!(serde_json::from_str::<$ty>(&json).unwrap(), parsed);
                assert_eq!(json, serde_json::to_string(raw).unwrap());
            )+
        }

        fn open_invalid_rejected(raw: &str, reason: InvalidCodeError) {
            $(
                match raw.parse::<$ty>() {
                    Err(ParseCodeError::Invalid { list, reason: r }) => {
                        assert_eq!(list, $ty::LIST);
                        assert_eq!(r, reason);
                    }
                    other => panic!("{raw:?} parsed as {other:?}"),
                }
            )+
        }
    };
}

open_lists!(
    Beloppstyp,
    MivArendetyp,
    MivBeslutstyp,
    MivBeslutskod,
    FkBeslutsutfall,
    FkBeslutstyp,
    FkBeslutstatus
);

macro_rules! int_lists {
    ($($ty:ident : $get:ident, $from:ident),+ $(,)?) => {
        #[test]
        fn integer_lists_round_trip_and_reject_unknowns() {
            $(
                let mut seen = HashSet::new();
                for v in $ty::ALL {
                    assert!(seen.insert(v.$get()));
                    assert!(!v.description().is_empty());
                    assert_eq!($ty::$from(v.$get()).unwrap(), *v);
                    assert_eq!(v.to_string().parse::<$ty>().unwrap(), *v);
                    assert_eq!(v.to_string(), v.$get().to_string());
                    let json = serde_json::to_string(v).unwrap();
                    assert_eq!(json, v.$get().to_string());
                    assert_eq!(serde_json::from_str::<$ty>(&json).unwrap(), *v);
                    // Non-canonical texts are rejected so the text form round-trips.
                    assert!(format!("+{}", v.$get()).parse::<$ty>().is_err());
                    assert!(format!("0{}", v.$get()).parse::<$ty>().is_err());
                    assert!(format!(" {}", v.$get()).parse::<$ty>().is_err());
                    // The wire carries an integer, not a string.
                    assert!(serde_json::from_str::<$ty>(&format!("\"{json}\"")).is_err());
                }
                assert!(serde_json::from_str::<$ty>("-1").is_err());
                assert!(serde_json::from_str::<$ty>("99999999999").is_err());
                assert!(serde_json::from_str::<$ty>("999").is_err());
                let err = $ty::$from(999).unwrap_err();
                assert_eq!(err.to_string(), format!("unknown {} code \"999\"", $ty::LIST));
            )+
        }
    };
}

int_lists!(
    PmLevnadsintygStatus: code, from_code,
    Utbetalningstyp: id, from_id,
    Foretag: id, from_id,
    OmvBeslutsutfall: id, from_id,
    MekBeslutsutfall: id, from_id,
    Periodicitet: id, from_id,
    SgiTyp: id, from_id,
);

#[test]
fn table_sizes_match_the_contract() {
    assert_eq!(FkFormanGrupp::ALL.len(), 27);
    assert_eq!(PmFormanGrupp::ALL.len(), 3);
    assert_eq!(FormanGrupp::ALL.len(), 30);
    assert_eq!(OvrigInformationTyp::ALL.len(), 8);
    assert_eq!(PmErsattningTyp::ALL.len(), 26);
    assert_eq!(PmSamordningTyp::ALL.len(), 10);
    assert_eq!(PmAvdragTyp::ALL.len(), 14);
    assert_eq!(PmUtbetalningForman::ALL.len(), 6);
    assert_eq!(PmBeloppTyp::ALL.len(), 33);
    assert_eq!(PmLevnadsintygStatus::ALL.len(), 16);
    assert_eq!(
        Utbetalningstyp::ALL
            .iter()
            .map(|t| t.id())
            .collect::<Vec<_>>(),
        [0, 1, 2, 3, 4]
    );
    assert_eq!(
        Foretag::ALL.iter().map(|t| t.id()).collect::<Vec<_>>(),
        [1001, 1003]
    );
    assert_eq!(Beloppstyp::ALL.len(), 28);
}

#[test]
fn forman_grupp_is_the_union_of_fk_and_pm() {
    let union: Vec<FormanGrupp> = FkFormanGrupp::ALL
        .iter()
        .map(|&g| FormanGrupp::Fk(g))
        .chain(PmFormanGrupp::ALL.iter().map(|&g| FormanGrupp::Pm(g)))
        .collect();
    assert_eq!(FormanGrupp::ALL, union.as_slice());
    for g in FormanGrupp::ALL {
        let expected = if g.code().starts_with("FK:") {
            UtlamnareKod::Fk
        } else {
            UtlamnareKod::Pm
        };
        assert_eq!(g.utlamnare(), expected);
    }
    // PM:AP and FK:AP are different values.
    assert_ne!(
        "PM:AP".parse::<FormanGrupp>().unwrap(),
        "FK:AP".parse::<FormanGrupp>().unwrap()
    );
}

#[test]
fn ovrig_information_pm_conversion_agrees_on_codes() {
    for t in PmOvrigInformationTyp::ALL {
        assert_eq!(OvrigInformationTyp::from(*t).code(), t.code());
        assert_eq!(OvrigInformationTyp::from(*t).pm(), Some(*t));
    }
    let pm_count = OvrigInformationTyp::ALL
        .iter()
        .filter(|t| t.pm().is_some())
        .count();
    assert_eq!(pm_count, PmOvrigInformationTyp::ALL.len());
}

#[test]
fn beloppstyp_classes_follow_the_contract() {
    let skatt: Vec<&str> = Beloppstyp::ALL
        .iter()
        .filter(|b| b.klass() == BeloppsKlass::Skatt)
        .map(|b| b.code())
        .collect();
    assert_eq!(skatt, ["PS", "SS"]);
    let avdrag = Beloppstyp::ALL
        .iter()
        .filter(|b| b.klass() == BeloppsKlass::Avdrag)
        .count();
    assert_eq!(avdrag, 24);
    for code in ["ÅFA", "ÖVA", "PST", "SST", "PF", "INF", "KVI"] {
        assert_eq!(
            code.parse::<Beloppstyp>().unwrap().klass(),
            BeloppsKlass::Avdrag,
            "{code}"
        );
    }
    for code in ["P37", "P38", "SJP", "X", "AFA", "OVA", "ps"] {
        assert_eq!(
            code.parse::<Beloppstyp>().unwrap().klass(),
            BeloppsKlass::Ersattning,
            "{code}"
        );
    }
    assert_eq!(Beloppstyp::P37.description(), "Inkomstpensionstillägg - 37");
    assert_eq!(Beloppstyp::P38.description(), "Inkomstpensionstillägg - 38");
}

#[test]
fn preliminary_forman_delforman_table() {
    assert_eq!(PRELIMINAR_FORMAN_DELFORMAN.len(), 8);
    let mut rows = HashSet::new();
    for &(f, d) in PRELIMINAR_FORMAN_DELFORMAN {
        assert!(rows.insert((f, d)), "duplicate row");
        assert!(f.has_delforman(d));
        assert!(f.delformaner().any(|x| x == d));
        assert!(d.formaner().any(|x| x == f));
    }
    // Every value of both lists appears in the table.
    for f in PreliminarForman::ALL {
        assert!(f.delformaner().next().is_some(), "{f}");
    }
    for d in PreliminarDelforman::ALL {
        assert!(d.formaner().next().is_some(), "{d}");
    }
    assert_eq!(
        PreliminarForman::Bostadsbidrag
            .delformaner()
            .collect::<Vec<_>>(),
        [PreliminarDelforman::Bostadsbidrag]
    );
    assert!(!PreliminarForman::Bostadsbidrag.has_delforman(PreliminarDelforman::Sjukpenning));
    let unique: HashSet<_> = PRELIMINAR_BELOPPSTYP_BESKRIVNINGAR.iter().collect();
    assert_eq!(unique.len(), 21);
}

#[test]
fn miv_beslutstyp_keeps_non_ascii_code() {
    let t: MivBeslutstyp = "FÖRFALLER".parse().unwrap();
    assert_eq!(t, MivBeslutstyp::Forfaller);
    assert_eq!(serde_json::to_string(&t).unwrap(), "\"FÖRFALLER\"");
    // The ASCII spelling is not the same code: kept as an unknown.
    assert!(!"FORFALLER".parse::<MivBeslutstyp>().unwrap().is_known());
}

#[test]
fn unknown_code_validation() {
    assert_eq!(UnknownCode::new(""), Err(InvalidCodeError::Empty));
    assert_eq!(
        UnknownCode::new("A\u{0}"),
        Err(InvalidCodeError::ControlCharacter)
    );
    assert_eq!(
        UnknownCode::new("\u{7f}"),
        Err(InvalidCodeError::ControlCharacter)
    );
    let long = "A".repeat(MAX_CODE_LEN + 1);
    assert_eq!(
        UnknownCode::new(&long),
        Err(InvalidCodeError::TooLong { max: MAX_CODE_LEN })
    );
    assert!(UnknownCode::new(&long[..MAX_CODE_LEN]).is_ok());
    // Spaces are data (CSN uses ten-space codes) and kept exactly.
    assert_eq!(
        UnknownCode::new("          ").unwrap().as_str(),
        "          "
    );
    open_invalid_rejected("", InvalidCodeError::Empty);
    open_invalid_rejected("A\tB", InvalidCodeError::ControlCharacter);
    open_invalid_rejected(&long, InvalidCodeError::TooLong { max: MAX_CODE_LEN });
    // The closed-list error for an over-long code does not echo it.
    let err = long.parse::<Kalla>().unwrap_err();
    assert!(!err.to_string().contains(&long));
    assert!(std::error::Error::source(&err).is_some());
    // serde of UnknownCode itself.
    let u: UnknownCode = serde_json::from_str("\"X1\"").unwrap();
    assert_eq!(serde_json::to_string(&u).unwrap(), "\"X1\"");
    assert!(serde_json::from_str::<UnknownCode>("\"\"").is_err());
}

proptest! {
    #[test]
    fn open_lists_keep_any_valid_unknown_code(raw in "[A-Za-z0-9ÅÄÖåäö:_ .-]{1,32}") {
        open_unknown_round_trip(&raw);
    }

    #[test]
    fn parsing_any_string_never_panics(raw in any::<String>()) {
        let _ = raw.parse::<FormanGrupp>();
        let _ = raw.parse::<Beloppstyp>();
        let _ = raw.parse::<PmLevnadsintygStatus>();
        let _ = raw.parse::<Foretag>();
        let _ = UnknownCode::new(&raw);
        let _ = serde_json::from_str::<MivBeslutstyp>(&raw);
    }

    #[test]
    fn integer_parse_agrees_with_lookup(n in any::<u32>()) {
        prop_assert_eq!(n.to_string().parse::<Foretag>().ok(), Foretag::from_id(n).ok());
        prop_assert_eq!(
            n.to_string().parse::<PmLevnadsintygStatus>().ok(),
            PmLevnadsintygStatus::from_code(n).ok()
        );
    }
}

static_assertions::assert_impl_all!(FormanGrupp: Copy, Send, Sync, Eq, std::hash::Hash, Ord);
static_assertions::assert_impl_all!(Beloppstyp: Clone, Send, Sync, Eq, std::hash::Hash);
static_assertions::assert_impl_all!(ParseCodeError: Clone, Eq, std::error::Error, Send, Sync);
static_assertions::assert_impl_all!(PmLevnadsintygStatus: Copy, Eq, std::hash::Hash);
