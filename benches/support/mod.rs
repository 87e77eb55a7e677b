//! A deterministic generator of large, consistent LEFI v9 responses (made-up data) for the
//! `lefi_json` benchmark and the tests that check the benchmark's input.
//!
//! The documents look like real answers: Försäkringskassan's executed and preliminary
//! payments with 2–7 detail rows each (compensation, `PS` tax at 30 % rounded down to the
//! krona, sometimes an `INF` deduction), sjukpenning cases with decisions, and
//! Pensionsmyndigheten's decisions and payments with rows and deductions. Every payment's
//! amounts satisfy the invariants of `lefi::model::payments` (A1–A5).

#![allow(dead_code, unreachable_pub)] // each user uses part of it; not a library

use std::fmt::Write as _;

/// What was generated, to check the document against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// FK executed payments.
    pub fk_executed: usize,
    /// FK preliminary payments.
    pub fk_preliminary: usize,
    /// PM executed payments.
    pub pm_executed: usize,
    /// PM preliminary payments.
    pub pm_preliminary: usize,
}

impl Counts {
    /// All payments.
    pub fn payments(&self) -> usize {
        self.fk_executed + self.fk_preliminary + self.pm_executed + self.pm_preliminary
    }
}

/// xorshift64*: small, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// An amount in öre as JSON number text with two decimals (`12450.00`).
fn kr(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", ore.abs() / 100, ore.abs() % 100)
}

fn belopp(ore: i64) -> String {
    format!(r#"{{"summa":{},"valuta":"SEK"}}"#, kr(ore))
}

/// `YYYY-MM` for month `m` (0-based from January 2020).
fn month(m: i64) -> String {
    format!("{:04}-{:02}", 2020 + m / 12, m % 12 + 1)
}

/// One of `items` (never empty here), chosen by the generator.
fn pick<T: Copy>(rng: &mut Rng, items: &[T], fallback: T) -> T {
    let len = u64::try_from(items.len()).unwrap_or(1).max(1);
    let k = usize::try_from(rng.next() % len).unwrap_or(0);
    items.get(k).copied().unwrap_or(fallback)
}

/// `YYYY-MM-DD` for month `m` (0-based from January 2020) and day `d`.
fn date(m: i64, d: i64) -> String {
    format!("{:04}-{:02}-{:02}", 2020 + m / 12, m % 12 + 1, d)
}

const FK_FORMANER: [(&str, &str); 4] = [
    ("SJP", "Sjukpenning"),
    ("FPT", "Föräldrapenning"),
    ("TFP", "Tillfällig föräldrapenning"),
    ("AKS", "Aktivitetsstöd"),
];

/// One FK `LefiUtbetalningUppgift`.
fn fk_payment(out: &mut String, rng: &mut Rng, preliminary: bool) {
    let (fam, fam_text) = pick(rng, &FK_FORMANER, ("SJP", "Sjukpenning"));
    let m = rng.range(0, 59);
    let typ = if preliminary { 2 } else { rng.range(0, 4) };
    let mut rows = String::new();
    let (mut brutto, mut skatt, mut avdrag) = (0_i64, 0_i64, 0_i64);
    let compensation_rows = rng.range(1, 5);
    for r in 0..compensation_rows {
        let dagar = rng.range(1, 28);
        let per_dag = rng.range(30_000, 110_000);
        let amount = dagar * per_dag;
        brutto += amount;
        let (taljare, namnare) = pick(rng, &[(1, 1), (3, 4), (1, 2), (1, 4)], (1, 1));
        if r > 0 {
            rows.push(',');
        }
        let _ = write!(
            rows,
            r#"{{"forman":{{"id":"{fam}","beskrivning":"{fam_text}"}},"period":{{"fran":"{}","till":"{}"}},"beloppstyp":{{"id":"{fam}{r}","beskrivning":"{fam_text}, ersättning"}},"omfattning":{{"taljare":{taljare},"namnare":{namnare}}},"dagar":{dagar},"bruttobelopp":{}}}"#,
            date(m, 1),
            date(m, dagar),
            belopp(amount)
        );
    }
    // Tax: 30 % rounded down to the krona.
    let tax = brutto * 3 / 10 / 100 * 100;
    skatt += tax;
    let _ = write!(
        rows,
        r#",{{"forman":{{"id":"{fam}","beskrivning":"{fam_text}"}},"period":{{"fran":"{}"}},"beloppstyp":{{"id":"PS","beskrivning":"Preliminär skatt"}},"skattebelopp":{}}}"#,
        month(m),
        belopp(tax)
    );
    if rng.chance(30) {
        let inf = rng.range(10_000, 100_000).min(brutto - tax);
        avdrag += inf;
        let _ = write!(
            rows,
            r#",{{"forman":{{"id":"{fam}","beskrivning":"{fam_text}"}},"period":{{"fran":"{}"}},"beloppstyp":{{"id":"INF","beskrivning":"Utmätning"}},"avdragsbelopp":{}}}"#,
            month(m),
            belopp(inf)
        );
    }
    let avdrag_total = skatt + avdrag;
    let _ = write!(
        out,
        r#"{{"typ":{{"id":{typ},"beskrivning":"Typ {typ}"}},"foretag":{{"id":1001,"beskrivning":"Försäkringskassan"}},"formansfamilj":{{"id":"{fam}","beskrivning":"{fam_text}"}},"datum":"{}","period":{{"fran":"{}","till":"{}"}},"bruttobelopp":{},"skattebelopp":{},"avdragsbelopp":{},"nettobelopp":{},"utbetalningsdetalj":[{rows}]}}"#,
        date(m + 1, 25),
        date(m, 1),
        date(m, 28),
        belopp(brutto),
        belopp(skatt),
        belopp(avdrag_total),
        belopp(brutto - avdrag_total),
    );
}

const PM_BELOPPSTYPER: [(&str, &str); 4] = [
    ("PM:IP", "Inkomstpension"),
    ("PM:GARP", "Garantipension"),
    ("PM:TP", "Tilläggspension"),
    ("PM:IPT", "Inkomstpensionstillägg"),
];

/// One PM `LefiPmFormanUtbetalning`.
fn pm_payment(out: &mut String, rng: &mut Rng) {
    let m = rng.range(0, 59);
    let mut rows = String::new();
    let mut brutto = 0_i64;
    for r in 0..rng.range(1, 4) {
        let (kod, text) = pick(rng, &PM_BELOPPSTYPER, ("PM:IP", "Inkomstpension"));
        let amount = rng.range(500, 12_000);
        brutto += amount;
        if r > 0 {
            rows.push(',');
        }
        let _ = write!(
            rows,
            r#"{{"formansgrupp":{{"kod":"PM:AP","beskrivning":"Allmän pension"}},"belopp":{amount},"utbetalningsforman":{{"kod":"PM:AP38","beskrivning":"Ålderspension ÅP38"}},"beloppstyp":{{"kod":"{kod}","beskrivning":"{text}"}}}}"#
        );
    }
    let tax = brutto * 3 / 10;
    let mut avdrag = format!(
        r#"{{"belopp":{tax},"avdragstyp":{{"kod":"PM:PS","beskrivning":"Preliminär skatt"}}}}"#
    );
    let mut deductions = tax;
    if rng.chance(20) {
        let utm = rng.range(1, (brutto - tax).max(1));
        deductions += utm;
        let _ = write!(
            avdrag,
            r#",{{"belopp":{utm},"avdragstyp":{{"kod":"PM:UTMATNING","beskrivning":"Utmätning"}}}}"#
        );
    }
    let _ = write!(
        out,
        r#"{{"utbetalningsdatum":"{}","utbetalningsperiod":{{"from":"{}","tom":"{}"}},"bruttobelopp":{brutto},"nettobelopp":{},"avdrag":[{avdrag}],"utbetalningsrader":[{rows}]}}"#,
        date(m, 19),
        date(m, 1),
        date(m, 28),
        brutto - deductions
    );
}

fn sjukpenningarende(out: &mut String, rng: &mut Rng) {
    let m = rng.range(0, 59);
    let mut beslut = String::new();
    for b in 0..rng.range(1, 3) {
        if b > 0 {
            beslut.push(',');
        }
        let _ = write!(
            beslut,
            r#"{{"fattades":"{}","definitivt":true,"forman":{{"id":"SJP","beskrivning":"Sjukpenning"}},"period":{{"fran":"{}","till":"{}"}},"omfattning":{{"taljare":1,"namnare":1}},"dagar":{},"karens":false,"beslutsutfall":"Bifall","ersattning":"Sjukpenning","ersattningsniva":"80"}}"#,
            date(m, 2),
            date(m, 3),
            date(m, 20),
            rng.range(1, 18)
        );
    }
    let _ = write!(
        out,
        r#"{{"startades":"{}","aktivt":false,"beslut":[{beslut}]}}"#,
        date(m, 1)
    );
}

fn pm_beslut(out: &mut String, rng: &mut Rng, n: usize) {
    let m = rng.range(0, 59);
    let _ = write!(
        out,
        r#"{{"beslutsid":"B{n:08}","beslutsdatum":"{}","formansgrupp":{{"kod":"PM:AP","beskrivning":"Allmän pension"}},"beslutsstatus":{{"kod":"SLUTLIGT","beskrivning":"Slutligt"}},"beslutsutfall":{{"kod":"BIFALL","beskrivning":"Bifall"}},"beslutadErsattning":[{{"beslutatBelopp":{{"belopp":{},"beloppsfrekvens":{{"kod":"MANAD","beskrivning":"Per månad"}}}},"period":{{"from":"{}"}},"omfattning":1.000}}]}}"#,
        date(m, 10),
        rng.range(1_000, 20_000),
        date(m + 1, 1),
    );
}

/// Appends `"key":[items]`, generating items until the document reaches `until` bytes.
fn list(
    out: &mut String,
    key: &str,
    until: usize,
    rng: &mut Rng,
    mut item: impl FnMut(&mut String, &mut Rng, usize),
) -> usize {
    let _ = write!(out, r#""{key}":["#);
    let mut n = 0;
    while n == 0 || out.len() < until {
        if n > 0 {
            out.push(',');
        }
        item(out, rng, n);
        n += 1;
    }
    out.push(']');
    n
}

/// A response of about `target` bytes (compact JSON), the same for the same arguments.
///
/// Shares of the bytes: FK executed payments 50 %, FK preliminary 10 %, sjukpenning
/// cases 10 %, PM decisions 5 %, PM executed payments 20 %, PM preliminary 5 %.
pub fn response(target: usize, seed: u64) -> (Vec<u8>, Counts) {
    let mut rng = Rng(seed | 1);
    let mut out = String::with_capacity(target + 4096);
    let mut counts = Counts::default();
    out.push_str(
        r#"{"utlamnare":[{"utlamnare":{"kod":"FK","namn":"Försäkringskassan"},"tillstand":{"kod":"OK","beskrivning":"Tillgänglig"}},{"utlamnare":{"kod":"PM","namn":"Pensionsmyndigheten"},"tillstand":{"kod":"OK","beskrivning":"Tillgänglig"}}],"avvikelser":{},"formansinformation":{"#,
    );
    let at = |share: usize| target * share / 100;
    counts.fk_executed = list(
        &mut out,
        "utbetalningsuppgift",
        at(50),
        &mut rng,
        |o, r, _| {
            fk_payment(o, r, false);
        },
    );
    out.push(',');
    counts.fk_preliminary = list(
        &mut out,
        "preliminarautbetalningar",
        at(60),
        &mut rng,
        |o, r, _| fk_payment(o, r, true),
    );
    out.push(',');
    list(
        &mut out,
        "sjukpenningarende",
        at(70),
        &mut rng,
        |o, r, _| {
            sjukpenningarende(o, r);
        },
    );
    out.push_str("},");
    list(&mut out, "beslut", at(75), &mut rng, pm_beslut);
    out.push(',');
    counts.pm_executed = list(&mut out, "utbetalningar", at(95), &mut rng, |o, r, _| {
        pm_payment(o, r);
    });
    out.push(',');
    counts.pm_preliminary = list(
        &mut out,
        "preliminaraUtbetalningar",
        target,
        &mut rng,
        |o, r, _| pm_payment(o, r),
    );
    out.push('}');
    (out.into_bytes(), counts)
}
