//! The plain-text payment table of `lefi decode --format summary`.

use core::fmt;

use super::status::PaymentStatus;
use super::view::{AnyPayment, PaymentDate, PaymentLocation};
use crate::codes::UtlamnareKod;
use crate::model::lefi::LefiExternFormansinformationSvar;
use crate::money::Belopp;

/// One line of a [`PaymentSummary`]: what the table shows of one payment.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SummaryLine {
    /// Where the payment is in the response.
    pub location: PaymentLocation,
    /// FK or PM (whose information model).
    pub source: UtlamnareKod,
    /// Preliminary or executed.
    pub status: PaymentStatus,
    /// The payment date as text (`(not a date)` for FK free text that is not a date).
    pub date: Option<String>,
    /// The period as text.
    pub period: Option<String>,
    /// Gross amount.
    pub gross: Option<Belopp>,
    /// Tax.
    pub tax: Option<Belopp>,
    /// Deductions, tax included.
    pub deductions: Option<Belopp>,
    /// Net amount.
    pub net: Option<Belopp>,
    /// Number of broken amount invariants.
    pub violations: usize,
}

impl SummaryLine {
    /// The line of one payment.
    #[must_use]
    pub fn new(payment: &AnyPayment<'_>) -> Self {
        let date = payment.date().map(|d| match d {
            // Free text is not shown: it is not a date and could be anything.
            PaymentDate::Text(_) => "(not a date)".to_owned(),
            other => other.to_string(),
        });
        Self {
            location: payment.location(),
            source: payment.utlamnare(),
            status: payment.status(),
            date,
            period: payment.period().map(|p| p.to_string()),
            gross: payment.gross(),
            tax: payment.tax(),
            deductions: payment.deductions(),
            net: payment.net(),
            violations: payment.check().len(),
        }
    }
}

/// A table of the payments of a response: source, status, date, period, gross, tax,
/// deductions, net and the number of broken invariants per payment. It holds no
/// identities, names or free text, so it can be printed or logged.
///
/// ```
/// use lefi::model::lefi::LefiExternFormansinformationSvar;
/// use lefi::model::payments::PaymentSummary;
/// let svar: LefiExternFormansinformationSvar = lefi::wire::lefi_json::from_slice(
///     br#"{"utbetalningar":[{"utbetalningsdatum":"2024-03-19","bruttobelopp":100,"nettobelopp":70,
///          "avdrag":[{"belopp":30,"avdragstyp":{"kod":"PM:PS","beskrivning":"Skatt"}}]}]}"#)?;
/// let table = PaymentSummary::new(&svar).to_string();
/// let mut lines = table.lines();
/// assert_eq!(lines.next().map(str::split_whitespace).map(|w| w.collect::<Vec<_>>()),
///     Some(vec!["source", "status", "date", "period", "gross", "tax", "deductions", "net", "violations"]));
/// assert_eq!(lines.next().map(str::split_whitespace).map(|w| w.collect::<Vec<_>>()),
///     Some(vec!["PM", "executed", "2024-03-19", "-", "100", "SEK", "30", "SEK", "30", "SEK", "70", "SEK", "0"]));
/// assert_eq!(lines.next(), Some("1 payment(s), 0 violation(s)"));
/// # Ok::<(), lefi::wire::lefi_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentSummary {
    lines: Vec<SummaryLine>,
}

impl PaymentSummary {
    /// The summary of every payment of the response.
    #[must_use]
    pub fn new(svar: &LefiExternFormansinformationSvar) -> Self {
        Self {
            lines: svar.payments().map(|p| SummaryLine::new(&p)).collect(),
        }
    }

    /// The lines, one per payment, in the order of
    /// [`payments`](LefiExternFormansinformationSvar::payments).
    #[must_use]
    pub fn lines(&self) -> &[SummaryLine] {
        &self.lines
    }

    /// The total number of broken invariants.
    #[must_use]
    pub fn violations(&self) -> usize {
        self.lines.iter().map(|l| l.violations).sum()
    }
}

const HEADER: [&str; 9] = [
    "source",
    "status",
    "date",
    "period",
    "gross",
    "tax",
    "deductions",
    "net",
    "violations",
];

/// Columns 4..=8 (amounts and the count) are right-aligned.
const FIRST_RIGHT: usize = 4;

fn cells(line: &SummaryLine) -> [String; 9] {
    let text = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".to_owned());
    let amount = |b: &Option<Belopp>| b.map_or_else(|| "-".to_owned(), |b| b.to_string());
    [
        line.source.code().to_owned(),
        line.status.to_string(),
        text(&line.date),
        text(&line.period),
        amount(&line.gross),
        amount(&line.tax),
        amount(&line.deductions),
        amount(&line.net),
        line.violations.to_string(),
    ]
}

/// The table, a header line, one line per payment, and a count line; `no payments` plus
/// the count line when there are none.
impl fmt::Display for PaymentSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows: Vec<[String; 9]> = self.lines.iter().map(cells).collect();
        if rows.is_empty() {
            f.write_str("no payments\n")?;
        } else {
            let mut widths = HEADER.map(|h| h.chars().count());
            for row in &rows {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            write_row(f, &HEADER.map(str::to_owned), &widths)?;
            for row in &rows {
                write_row(f, row, &widths)?;
            }
        }
        write!(
            f,
            "{} payment(s), {} violation(s)",
            self.lines.len(),
            self.violations()
        )
    }
}

fn write_row(f: &mut fmt::Formatter<'_>, row: &[String; 9], widths: &[usize; 9]) -> fmt::Result {
    let mut line = String::new();
    for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let pad = width.saturating_sub(cell.chars().count());
        if i >= FIRST_RIGHT {
            line.extend(core::iter::repeat_n(' ', pad));
            line.push_str(cell);
        } else {
            line.push_str(cell);
            line.extend(core::iter::repeat_n(' ', pad));
        }
    }
    writeln!(f, "{}", line.trim_end())
}
