//! The deterministic random source of the generated model generator (`gen.rs`).

use chrono::NaiveDate;
use lefi::id::{Personidentitet, Sensitive};
use lefi::model::lefi::{Ersattning, LefiSifferkod};
use lefi::period::{FranTill, PartialDate};
use lefi::text::Text;
use lefi::version::LefiVersion;
use rust_decimal::Decimal;

/// A splitmix64 generator with a nesting depth that thins out deep optional content.
#[derive(Debug, Clone)]
pub struct Gen {
    state: u64,
    depth: u32,
    /// The version whose capabilities bound the model.
    pub version: LefiVersion,
    /// Maximum length of arrays near the top (cases, payments); deeper arrays have 1–2.
    pub top_len: u64,
    /// Probability (percent) of an optional field near the top.
    pub density: u64,
}

const ALPHABET: &[&str] = &[
    "a", "b", "k", "z", "Å", "ä", "ö", "É", " ", "  ", "&", "<", ">", "\"", "'", "-", "0", "9",
    "\n", "\t", "\r", "]]>", "€", "𝄞", "&amp;",
];

impl Gen {
    /// A generator for `version` from `seed`.
    pub fn new(seed: u64, version: LefiVersion) -> Self {
        Self {
            state: seed,
            depth: 0,
            version,
            top_len: 3,
            density: 75,
        }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    pub fn enter(&mut self) {
        self.depth += 1;
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Whether to fill an optional field.
    pub fn some(&mut self) -> bool {
        let p = match self.depth {
            0..=2 => self.density,
            3..=4 => 50,
            _ => 35,
        };
        self.below(100) < p
    }

    /// A non-empty array length (empty arrays and absent ones are the same on the wire).
    pub fn len(&mut self) -> usize {
        let max = if self.depth <= 2 { self.top_len } else { 2 };
        (1 + self.below(max)) as usize
    }

    /// Mostly short texts (inline in `Text`), one in eight long enough to be on the heap.
    pub fn string(&mut self) -> Text {
        let n = if self.below(8) == 0 {
            20 + self.below(20)
        } else {
            self.below(8)
        };
        (0..n)
            .map(|_| ALPHABET[self.below(ALPHABET.len() as u64) as usize])
            .collect::<String>()
            .into()
    }

    pub fn sensitive(&mut self) -> Sensitive {
        Sensitive::new(self.string().into_string())
    }

    pub fn bool(&mut self) -> bool {
        self.next() & 1 == 1
    }

    pub fn int(&mut self) -> i64 {
        match self.below(3) {
            0 => self.below(400) as i64,
            1 => -(self.below(1000) as i64),
            _ => self.next() as i64,
        }
    }

    pub fn decimal(&mut self) -> Decimal {
        let units = self.below(2_000_000_000) as i64 - 1_000_000_000;
        Decimal::new(units, self.below(3) as u32)
    }

    pub fn date(&mut self) -> NaiveDate {
        let y = 1950 + self.below(80) as i32;
        let m = 1 + self.below(12) as u32;
        let d = 1 + self.below(28) as u32;
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn partial(&mut self) -> Option<PartialDate> {
        let d = self.date();
        let text = match self.below(3) {
            0 => d.format("%Y").to_string(),
            1 => d.format("%Y-%m").to_string(),
            _ => d.format("%Y-%m-%d").to_string(),
        };
        PartialDate::parse(&text).ok()
    }

    pub fn frantill(&mut self) -> FranTill {
        let fran = if self.bool() { self.partial() } else { None };
        let till = if self.bool() { self.partial() } else { None };
        FranTill::new(fran, till)
    }

    pub fn pid(&mut self) -> Personidentitet {
        let n = if self.bool() { 12 } else { 10 };
        let digits: String = (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect();
        Personidentitet::parse(&digits).expect("10 or 12 digits")
    }

    pub fn ersattning(&mut self) -> Ersattning {
        if self.bool() {
            Ersattning::Text(self.string().into_string())
        } else {
            let mut kod = LefiSifferkod::default();
            kod.id = Some(self.int());
            if self.bool() {
                kod.beskrivning = Some(self.string());
            }
            Ersattning::Kod(kod)
        }
    }

    pub fn code<T: Clone>(&mut self, all: &[T]) -> T {
        all[self.below(all.len() as u64) as usize].clone()
    }

    pub fn code_where<T: Clone>(&mut self, all: &[T], keep: impl Fn(&T) -> bool) -> T {
        let allowed: Vec<&T> = all.iter().filter(|c| keep(c)).collect();
        allowed[self.below(allowed.len() as u64) as usize].clone()
    }
}
