use super::*;
use jiff::civil::date;

fn signed_up(name: &str, on: Date) -> Person {
    let mut person = Person::new(name, on);
    person.contact.email = format!("{}@example.org", name.to_lowercase());
    person
}

#[test]
fn a_week_after_signing_up_nobody_called_is_overdue() {
    let person = signed_up("Ada", date(2026, 11, 3));
    assert_eq!(person.next_contact, Some(date(2026, 11, 10)));
    assert!(
        !person.is_overdue(date(2026, 11, 10)),
        "due today is not yet late"
    );
    assert!(person.is_overdue(date(2026, 11, 11)));
}

#[test]
fn only_people_still_waiting_are_overdue() {
    let late = date(2026, 12, 1);
    for status in Status::ALL {
        let mut person = signed_up("Ada", date(2026, 11, 3));
        person.status = status;
        let expected = matches!(status, Status::New | Status::Contacted);
        assert_eq!(person.is_overdue(late), expected, "{status:?}");
    }
    let mut no_date = signed_up("Bo", date(2026, 11, 3));
    no_date.next_contact = None;
    assert!(
        !no_date.is_overdue(late),
        "no next contact set: nothing is due"
    );
}

#[test]
fn the_notice_counts_who_waits_and_the_longest_wait() {
    let today = date(2026, 12, 1);
    let mut people = vec![
        signed_up("Ada", date(2026, 11, 19)),
        signed_up("Bo", date(2026, 11, 10)),
        signed_up("Cy", date(2026, 11, 3)),
    ];
    people[2].last_contact = Some(date(2026, 11, 19));
    people[2].next_contact = Some(date(2026, 11, 26));
    people[2].status = Status::Contacted;
    assert_eq!(
        overdue_notice(&people, today).as_deref(),
        Some("3 people are waiting to hear back; the longest for 21 days")
    );
    people[1].status = Status::Joined;
    people[2].status = Status::Declined;
    assert_eq!(
        overdue_notice(&people, today).as_deref(),
        Some("1 person is waiting to hear back, for 12 days")
    );
    people[0].status = Status::Contacted;
    people[0].next_contact = Some(date(2026, 12, 8));
    assert_eq!(overdue_notice(&people, today), None);
}

#[test]
fn erasing_keeps_what_counts_and_drops_who_they_are() {
    let mut person = signed_up("Ada", date(2026, 11, 3));
    person.contact.phone = "07700 900123".to_owned();
    person.notes = "Prefers mornings".to_owned();
    person.signed_up_for = vec!["Steering group".to_owned()];
    assert!(person.holds_details());
    let erased = person.erased();
    assert!(!erased.holds_details());
    assert_eq!(erased.signed_up_for, person.signed_up_for);
    assert_eq!(erased.signed_up, person.signed_up);
    assert_eq!(erased.id, person.id);
    assert_eq!(erased.shown_name(), "(details erased)");
}

#[test]
fn contact_summary_lists_the_ways_given() {
    let contact = Contact {
        email: "ada@example.org".to_owned(),
        post: "1 High St\nTown".to_owned(),
        via_worker: "Sam (social worker)".to_owned(),
        ..Contact::default()
    };
    assert_eq!(
        contact.summary(),
        "ada@example.org; post: 1 High St, Town; via Sam (social worker)"
    );
    assert!(Contact::default().is_empty());
    assert!(
        Contact {
            phone: "  ".to_owned(),
            ..Contact::default()
        }
        .is_empty()
    );
}
