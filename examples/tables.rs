//! Writes an event and three table laptops' files edited apart, to try merging and following
//! by hand: one table rewords a card another table also rewords (a conflict), one deletes a
//! card, two make the same theme with different capitals, and one adds a table.
//!
//! ```text
//! cargo run --example tables -- DIR
//! harvest merge DIR/tables --output DIR/merged.ron
//! harvest --follow DIR/tables DIR/event.ron
//! ```

use harvest::edit::{Edit, History};
use harvest::merge::{Table, table_copy};
use harvest::model::{Card, Category, Group, ReplicaId, Theme};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: tables DIR");
        return ExitCode::from(2);
    };
    match write(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

fn write(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let sample = harvest::store::format::from_text(harvest::store::places::SAMPLE);
    let event = sample
        .map_err(|_| "the sample session does not read")?
        .session;
    std::fs::create_dir_all(dir.join("tables"))?;
    harvest::store::save(&event, &dir.join("event.ron"))?;
    let first = event.cards[0].clone();
    let second = event.cards[1].id;
    let tables: [(u128, Vec<Edit>); 3] = [
        (
            1,
            vec![
                Edit::SetCardText {
                    id: first.id,
                    text: format!("{} (as table 1 heard it)", first.text),
                },
                Edit::AddTheme {
                    theme: Theme::new("Carers' breaks", 7),
                    index: usize::MAX,
                },
            ],
        ),
        (
            2,
            vec![
                Edit::SetCardText {
                    id: first.id,
                    text: format!("{} (as table 2 heard it)", first.text),
                },
                Edit::DeleteCard { id: second },
                Edit::AddTheme {
                    theme: Theme::new("  carers' BREAKS", 8),
                    index: usize::MAX,
                },
            ],
        ),
        (3, Vec::new()),
    ];
    for (n, edits) in tables {
        let mut session = event.clone();
        let mut history = History::by(ReplicaId::from_u128(n));
        for edit in edits {
            history.apply(&mut session, edit)?;
        }
        if n == 3 {
            // A table the organiser did not plan for, from a copy made on the day.
            session = table_copy(&session, &Table::New("Table 8".into()), history.replica());
            let table = session.table.unwrap_or_else(|| Group::new("Table 8").id);
            let card = Card::new(table, Category::Good, "The late bus home");
            history.apply(
                &mut session,
                Edit::AddCard {
                    card,
                    index: usize::MAX,
                },
            )?;
        }
        harvest::store::save(&session, &dir.join(format!("tables/table-{n}.ron")))?;
    }
    Ok(())
}
