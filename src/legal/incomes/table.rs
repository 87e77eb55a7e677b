//! The plain-text table of `lefi decode FILE --format incomes`.

use core::fmt;

use super::{Amount, Income, IncomesView, MonthlyTotal, TaxedIncome};
use crate::model::ssbtek::Outcome;

/// Left-aligned columns first, then right-aligned ones (amounts, counts).
pub(in crate::legal) struct Table {
    pub(in crate::legal) header: Vec<&'static str>,
    pub(in crate::legal) rows: Vec<Vec<String>>,
    pub(in crate::legal) first_right: usize,
}

impl Table {
    pub(in crate::legal) fn write(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let header: Vec<String> = self.header.iter().map(|h| (*h).to_owned()).collect();
        for row in core::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = width.saturating_sub(cell.chars().count());
                if i >= self.first_right {
                    line.extend(core::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.extend(core::iter::repeat_n(' ', pad));
                }
            }
            writeln!(f, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

pub(in crate::legal) fn amount(a: Option<&Amount>) -> String {
    a.map_or_else(
        || "-".to_owned(),
        |a| match a.valuta {
            Some(v) => format!("{} {v}", a.summa),
            None => a.summa.to_string(),
        },
    )
}

pub(in crate::legal) fn text(t: Option<&str>) -> String {
    t.map_or_else(|| "-".to_owned(), str::to_owned)
}

fn payment_row(p: &Income) -> Vec<String> {
    let period = p.period.as_ref().map(|p| {
        format!(
            "{}/{}",
            p.from.as_deref().unwrap_or(""),
            p.tom.as_deref().unwrap_or("")
        )
    });
    vec![
        p.source.code().to_owned(),
        p.status.to_owned(),
        text(p.date.as_deref()),
        text(period.as_deref()),
        p.classification.join(" "),
        amount(p.gross.as_ref()),
        amount(p.tax.as_ref()),
        amount(p.net.as_ref()),
    ]
}

fn tax_row(t: &TaxedIncome) -> Vec<String> {
    let items: Vec<String> = t
        .items
        .iter()
        .map(|i| format!("{} {}", i.code, i.amount.summa))
        .collect();
    vec![
        t.year.map_or_else(|| "-".to_owned(), |y| y.to_string()),
        text(t.period.as_deref()),
        text(t.decided_on.as_deref()),
        items.join(", "),
    ]
}

fn total_row(t: &MonthlyTotal) -> Vec<String> {
    let sum = |d: Option<rust_decimal::Decimal>| {
        d.map_or_else(
            || "-".to_owned(),
            |d| match t.valuta {
                Some(v) => format!("{d} {v}"),
                None => d.to_string(),
            },
        )
    };
    vec![
        t.month.clone(),
        t.source.code().to_owned(),
        t.status.to_owned(),
        t.payments.to_string(),
        sum(t.gross),
        sum(t.net),
    ]
}

/// The table: which agencies answered, the payments, Skatteverket's taxed income, and the
/// monthly totals. No identities, names or free text.
impl fmt::Display for IncomesView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.sources {
            let state = match s.outcome {
                Outcome::Data => "answered".to_owned(),
                Outcome::NotInAnswer => "not in the answer".to_owned(),
                Outcome::Undecodable => "cannot be decoded: its incomes are missing".to_owned(),
                Outcome::Error => format!(
                    "error {} (källa {}): its incomes are missing",
                    s.felkod.as_deref().unwrap_or("-"),
                    s.kalla.map_or("-", |k| k.code())
                ),
            };
            writeln!(f, "{}: {state}", s.agency)?;
        }
        if self.payments.is_empty() {
            writeln!(f, "no payments")?;
        } else {
            Table {
                header: vec![
                    "source",
                    "status",
                    "date",
                    "period",
                    "classification",
                    "gross",
                    "tax",
                    "net",
                ],
                rows: self.payments.iter().map(payment_row).collect(),
                first_right: 5,
            }
            .write(f)?;
        }
        writeln!(f, "{} payment(s)", self.payments.len())?;
        if !self.taxed_income.is_empty() {
            writeln!(f, "\ntaxed income (Skatteverket)")?;
            Table {
                header: vec!["year", "period", "decided", "amounts"],
                rows: self.taxed_income.iter().map(tax_row).collect(),
                first_right: 4,
            }
            .write(f)?;
        }
        if !self.monthly_totals.is_empty() {
            writeln!(f, "\nmonthly totals (by payment date)")?;
            Table {
                header: vec!["month", "source", "status", "payments", "gross", "net"],
                rows: self.monthly_totals.iter().map(total_row).collect(),
                first_right: 3,
            }
            .write(f)?;
        }
        Ok(())
    }
}
