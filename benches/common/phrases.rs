//! The phrase bank for generated sessions: what people say at personal-budget workshops,
//! by topic, so generated cards have the word patterns real ones do.

/// One topic people talk about. `{}` in a sentence is filled with one of `things`.
pub struct Topic {
    pub theme: &'static str,
    pub things: &'static [&'static str],
    pub good: &'static [&'static str],
    pub not_so_good: &'static [&'static str],
    pub difference: &'static [&'static str],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        theme: "Payroll and employing staff",
        things: &[
            "the payroll",
            "the tax forms",
            "holiday pay",
            "employer's insurance",
            "pension enrolment",
            "payslips for my PA",
        ],
        good: &[
            "The payroll service sorts out {} for us",
            "Help with {} means I can concentrate on my life",
            "Our support officer went through {} with me",
        ],
        not_so_good: &[
            "Dealing with {} is frightening when you first employ a PA",
            "Nobody explains {} to new employers",
            "I spend evenings worrying about {}",
        ],
        difference: &[
            "A council-funded payroll service that handles {}",
            "A simple guide to {} for people employing staff",
            "Someone to ring about {} when it goes wrong",
        ],
    },
    Topic {
        theme: "Information and jargon",
        things: &[
            "the jargon",
            "the council letters",
            "the website",
            "the leaflets",
            "the term 'indicative budget'",
            "the support plan wording",
        ],
        good: &[
            "The carers' centre explained {} in plain English",
            "Our social worker went through {} with us",
            "The information day made sense of {}",
        ],
        not_so_good: &[
            "Nobody explains {}",
            "I couldn't understand {} and felt stupid",
            "We only found out about direct payments by accident, not from {}",
        ],
        difference: &[
            "Rewrite {} in plain English",
            "A jargon buster that covers {}",
            "Clear information at the first contact, not just {}",
        ],
    },
    Topic {
        theme: "Waiting for assessment",
        things: &[
            "the assessment",
            "a place on the waiting list",
            "the panel decision",
            "the review",
            "the occupational therapy visit",
            "the financial assessment",
        ],
        good: &[
            "Once it happened, {} was thorough and kind",
            "The duty team brought forward {} when things broke down",
            "A self-assessment form sped up {}",
        ],
        not_so_good: &[
            "Waiting months for {} before anything starts",
            "Nobody tells you how long {} will take",
            "We waited so long for {} that my mum went into hospital",
        ],
        difference: &[
            "Let people start a small budget while waiting for {}",
            "Tell people how long {} will take",
            "A monthly phone call while waiting for {}",
        ],
    },
    Topic {
        theme: "Carers' breaks",
        things: &[
            "respite",
            "a short break",
            "an overnight stay",
            "the sitting service",
            "a weekend away",
            "a rest from caring",
        ],
        good: &[
            "My son's budget pays for {} so I can sleep",
            "Having {} every month keeps our family going",
            "The carers' group helped me arrange {}",
        ],
        not_so_good: &[
            "I haven't had {} in three years",
            "Booking {} takes months and it is often cancelled",
            "Carers' own needs come last and there is never {}",
        ],
        difference: &[
            "Guaranteed {} for every carer who asks",
            "A way to arrange {} in an emergency, the same day",
            "Ask every carer how they are coping and offer {}",
        ],
    },
    Topic {
        theme: "Transport",
        things: &[
            "the bus",
            "taxis",
            "community transport",
            "the minibus",
            "petrol money",
            "a bus pass",
        ],
        good: &[
            "I spend my budget on {} to get to college",
            "Using {} gets me to my volunteering on time",
            "My PA and I can get out using {}",
        ],
        not_so_good: &[
            "From our village {} is hopeless",
            "Paying for {} uses up my budget",
            "You have to plan {} a week ahead",
        ],
        difference: &[
            "Let people use their budget for {}",
            "Accessible transport on the rural routes, including {}",
            "A travel buddy to help people get used to {}",
        ],
    },
    Topic {
        theme: "Accessibility and BSL",
        things: &[
            "BSL interpreters",
            "Easy Read versions",
            "screen readers",
            "large print",
            "a hearing loop",
            "BSL video",
        ],
        good: &[
            "The council provided {} for every meeting about my plan",
            "Having {} meant I understood my own plan",
            "Deaf people can manage their own support with {}",
        ],
        not_so_good: &[
            "Information is not available with {}",
            "The online form doesn't work with {}",
            "Phone-only contact shuts out people who need {}",
        ],
        difference: &[
            "Every letter available with {}",
            "Offer {} without people having to ask",
            "Forms that work with {} and can be saved halfway",
        ],
    },
    Topic {
        theme: "Flexibility and control",
        things: &[
            "the budget",
            "my support hours",
            "the money",
            "my own choices",
            "the support plan",
            "how I spend my day",
        ],
        good: &[
            "I can decide about {} myself, on what matters to me",
            "Having a say over {} means I get support that fits me",
            "Being trusted with {} has changed my life",
        ],
        not_so_good: &[
            "The panel second-guesses {} even when it would cost less than a care home",
            "The rules about {} change depending on who you ask",
            "We were told {} couldn't cover a gym pass",
        ],
        difference: &[
            "Trust people to decide about {}",
            "A list of creative ideas for {}",
            "Fewer rules about {} as long as outcomes are met",
        ],
    },
    Topic {
        theme: "Monitoring and audits",
        things: &[
            "the monthly returns",
            "the audit",
            "keeping receipts",
            "the bank statements",
            "the clawback",
            "the prepaid card",
        ],
        good: &[
            "The prepaid card makes {} much easier",
            "The finance team was helpful about {}",
            "Doing it online has made {} quicker",
        ],
        not_so_good: &[
            "Sorting out {} takes a whole evening",
            "Being asked to pay money back because of {}, with no warning",
            "Worrying about {} is exhausting",
        ],
        difference: &[
            "Make {} take ten minutes, not an evening",
            "Warn people early and explain {} in person",
            "Only check {} once a year if nothing changes",
        ],
    },
    Topic {
        theme: "Social worker continuity",
        things: &[
            "my social worker",
            "the named worker",
            "the care manager",
            "the review worker",
            "the duty social worker",
            "the team manager",
        ],
        good: &[
            "Having the same person as {} for two years made all the difference",
            "When {} knows our family, they fight our corner",
            "Our experience with {} has been brilliant, they call back the same day",
        ],
        not_so_good: &[
            "Every time {} changes I explain my life story again",
            "We never see {} twice",
            "Nobody told us {} had left",
        ],
        difference: &[
            "Keep {} the same for at least a year",
            "A handover note so a change of {} doesn't mean starting again",
            "Introduce the new person before {} leaves",
        ],
    },
    Topic {
        theme: "Providers and the market",
        things: &[
            "small providers",
            "micro-enterprises",
            "local agencies",
            "individual service funds",
            "home care agencies",
            "day services",
        ],
        good: &[
            "Working with {} lets support be tailored to the person",
            "More {} have started up in the villages",
            "Prices from {} are clear and easy to compare",
        ],
        not_so_good: &[
            "Late payments from the council put {} at risk",
            "People are not told which {} have vacancies",
            "The hourly rate is too low for {} to recruit staff",
        ],
        difference: &[
            "A simple online directory of {} with vacancies",
            "Pay {} within 14 days",
            "Help {} to set up and register",
        ],
    },
    Topic {
        theme: "Moving to adult services",
        things: &[
            "the move to adult services",
            "turning eighteen",
            "leaving college",
            "the handover from the children's team",
            "transition planning",
            "the first adult review",
        ],
        good: &[
            "Planning early made {} go smoothly",
            "The transition worker helped us through {}",
            "My daughter chose her own PA after {}",
        ],
        not_so_good: &[
            "For us {} felt like falling off a cliff",
            "Support stopped suddenly with {}",
            "Bank account rules made {} hard for young people",
        ],
        difference: &[
            "Start preparing for {} at sixteen",
            "One worker from fourteen to twenty-five to see young people through {}",
            "A peer mentor who has been through {}",
        ],
    },
    Topic {
        theme: "Peer support and community",
        things: &[
            "the peer support group",
            "the parents' group",
            "the user-led organisation",
            "the community café",
            "the online carers' forum",
            "workshops like today",
        ],
        good: &[
            "We picked up tips from {} that nobody else told us",
            "Going to {} stopped me feeling alone",
            "Everything good about {} comes from people who use budgets",
        ],
        not_so_good: &[
            "Funding for {} has been cut",
            "There is nothing like {} in our area",
            "Nobody mentioned {} until today",
        ],
        difference: &[
            "Fund {} properly",
            "Tell everyone about {} at their first assessment",
            "Hold more of {} so we are listened to",
        ],
    },
    Topic {
        theme: "Paperwork and forms",
        things: &[
            "the online form",
            "the paperwork",
            "the support plan form",
            "the application",
            "the contract",
            "the same questions",
        ],
        good: &[
            "Filling in {} is quicker than it used to be",
            "A volunteer helped me with {}",
            "We could finally do {} online",
        ],
        not_so_good: &[
            "The system times out before I finish {}",
            "The council and providers both make us go through {}",
            "We repeat {} over and over",
        ],
        difference: &[
            "Fill in {} once and share it between services",
            "Let people save and come back to {}",
            "Cut down {} to one page",
        ],
    },
    Topic {
        theme: "Health and social care working together",
        things: &[
            "the NHS",
            "the GP",
            "continuing healthcare",
            "the hospital discharge team",
            "the district nurses",
            "the mental health trust",
        ],
        good: &[
            "Social care and {} finally talked to each other",
            "A joint review with {} saved us time",
            "Working with {} helped us get the right support quickly",
        ],
        not_so_good: &[
            "The council and {} argue over who pays",
            "We had no support at home after dealing with {}",
            "We tell {} and social care the same story twice",
        ],
        difference: &[
            "One plan shared between social care and {}",
            "A single budget that covers {} and social care",
            "A link worker between {} and social care",
        ],
    },
    Topic {
        theme: "Money and charging",
        things: &[
            "the contribution",
            "charging",
            "the financial assessment",
            "disability benefits",
            "the top-up",
            "household costs",
        ],
        good: &[
            "The welfare rights officer checked {} for us",
            "Someone explained {} clearly before we agreed",
            "We got money back after a second look at {}",
        ],
        not_so_good: &[
            "Nobody explained the change in {}",
            "Paying for care out of {} leaves me short",
            "Worry about {} stops people asking for help",
        ],
        difference: &[
            "Explain {} before support starts",
            "A benefits check that looks at {}",
            "Make sure {} leaves people enough to live on",
        ],
    },
    Topic {
        theme: "Employment and volunteering",
        things: &[
            "a paid job",
            "volunteering",
            "work experience",
            "supported employment",
            "the job coach",
            "running my own business",
        ],
        good: &[
            "My budget helps me keep {}",
            "I got my confidence back through {}",
            "My PA comes with me to help with {}",
        ],
        not_so_good: &[
            "Support stops when I start {}",
            "Nobody thought I could manage {}",
            "My support plan doesn't allow for {}",
        ],
        difference: &[
            "Count {} as an outcome in the plan",
            "Fund {} for young disabled people",
            "Let PAs support people with {}",
        ],
    },
    Topic {
        theme: "Mental health support",
        things: &[
            "my mental health",
            "my anxiety",
            "the crisis team",
            "counselling",
            "my wellbeing",
            "low mood",
        ],
        good: &[
            "Spending my budget on a gym pass really helped with {}",
            "The peer group has been good for {}",
            "My PA notices the early signs with {}",
        ],
        not_so_good: &[
            "Personal budgets are rarely offered for {}",
            "There is a long wait for help with {}",
            "Nobody asks carers about {}",
        ],
        difference: &[
            "Offer personal budgets for {}",
            "Quick help with {} without a referral",
            "Train PAs in supporting {}",
        ],
    },
    Topic {
        theme: "Housing and home adaptations",
        things: &[
            "the adaptation",
            "the stairlift",
            "supported living",
            "the grab rails",
            "the housing officer",
            "the wet room",
        ],
        good: &[
            "Thanks to {} I can stay in my own home",
            "The occupational therapist sorted out {} quickly",
            "We were pleased with {}",
        ],
        not_so_good: &[
            "We waited two years for {}",
            "The plan didn't mention {} at all",
            "I fell twice while waiting for {}",
        ],
        difference: &[
            "Fast-track {} for people at risk of falls",
            "Join up {} with the support plan",
            "Use the budget for {} straight away",
        ],
    },
    Topic {
        theme: "Culture and language",
        things: &[
            "our language",
            "our culture",
            "our faith",
            "halal food",
            "community organisations",
            "translated leaflets",
        ],
        good: &[
            "People can choose PAs who understand {}",
            "Support that respects {} helped us trust the service",
            "The provider made an effort with {}",
        ],
        not_so_good: &[
            "Nobody asked about {}",
            "The support plan ignores {}",
            "Families end up interpreting because nobody thought about {}",
        ],
        difference: &[
            "Ask about {} at every assessment",
            "Work with local groups to reach families through {}",
            "Recruit PAs who know {}",
        ],
    },
    Topic {
        theme: "Emergency cover",
        things: &[
            "emergency cover",
            "a back-up PA",
            "cover when my PA is sick",
            "the contingency plan",
            "the on-call service",
            "short-notice support",
        ],
        good: &[
            "Our agency arranges {}",
            "We had {} when I was in hospital",
            "A neighbour helps out with {}",
        ],
        not_so_good: &[
            "Without {} I had to give up work",
            "There is no {} at weekends",
            "Nobody plans for {}",
        ],
        difference: &[
            "A list of approved PAs for {}",
            "Put {} in every support plan",
            "Council funding for {}",
        ],
    },
];

/// Openings that make some cards longer, as a facilitator writes down who said what.
pub const OPENINGS: &[&str] = &[
    "Several people said ",
    "At our table, ",
    "One carer said ",
    "Everyone agreed that ",
    "A social worker pointed out that ",
    "For me, ",
    "Parents said ",
];

/// Endings that lengthen some cards; each carries a theme of its own, and suits some
/// categories: `G`ood, `N`ot so good, `M`ake a difference.
#[rustfmt::skip]
pub const ENDINGS: &[(&str, &str, &str)] = &[
    (", especially in rural areas", "Rural areas", "GNM"),
    (" for people with learning disabilities", "Learning disabilities", "GNM"),
    (", particularly for older people", "Older people", "GNM"),
    (" and it has been like this for years", "Long-standing problems", "N"),
    (", which makes a real difference", "Quick wins", "G"),
    (" - this came up at every table", "Common to every table", "GN"),
    (" for young adults", "Young adults", "GNM"),
    (", and it costs the council more in the end", "Cost and value", "N"),
    (" when you live alone", "Living alone", "GN"),
    (" for families with two working parents", "Working families", "GNM"),
];

/// Roles of the people at a table, as in a real session.
pub const ROLES: &[&str] = &[
    "Service users",
    "Carers",
    "Social workers",
    "Providers",
    "Others",
];
