//! A deterministic generator of realistic-looking cover letters, shared by
//! `examples/gen_letters.rs` (which writes a corpus to disk) and the
//! benchmarks (which lint letters of a given size). The same seed always
//! gives the same letters, on every machine: the PRNG is written out here
//! rather than taken from a crate whose algorithm might change.
//!
//! Letters mix what the rules look for: strong paragraphs (a system, its
//! numbers, an incident), weak ones (cliches, inventories of technologies,
//! unquantified claims), numbers that are not metrics (years, phone numbers,
//! versions), unfilled placeholders, front matter, code blocks, lists, block
//! quotes, links, HTML comments and suppression directives.
#![allow(dead_code)]

/// SplitMix64: tiny, fast, and good enough to vary text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const COMPANIES: &[&str] = &[
    "Kestrel Pay",
    "Larkspur Freight",
    "Halyard Systems",
    "Cobaltfield",
    "Lumenfold",
    "Tessellate Logistics",
    "Cinderwell",
    "Fernbrook Health",
    "Orchard Ledger",
    "Brightwater Energy",
];

const ROLES: &[&str] = &[
    "Senior Backend Engineer",
    "Platform Engineer",
    "Site Reliability Engineer",
    "Data Engineer",
    "Software Engineer, Payments",
    "Staff Engineer, Infrastructure",
];

const NAMES: &[&str] = &[
    "Mara Lindqvist",
    "Sam Carter",
    "Tomasz Wójcik",
    "Aiyana Redcloud",
    "Chen Jing",
    "Helen O'Neill",
    "José Ramírez",
    "Priya Natarajan",
];

const TECH: &[&str] = &[
    "Python",
    "Java",
    "Go",
    "Rust",
    "Kotlin",
    "TypeScript",
    "Postgres",
    "MySQL",
    "Redis",
    "MongoDB",
    "Kafka",
    "RabbitMQ",
    "Kubernetes",
    "Terraform",
    "Docker",
    "AWS",
    "React",
    "Django",
    "Spring Boot",
    "Elasticsearch",
    "Snowflake",
    "Airflow",
    "gRPC",
    "GraphQL",
];

const SYSTEMS: &[&str] = &[
    "billing service",
    "event pipeline",
    "ledger",
    "search indexer",
    "payment gateway",
    "ingest workers",
    "notification service",
    "feature store",
];

const CLICHES: &[&str] = &[
    "I am passionate about technology",
    "I am a quick learner",
    "I am a team player who thrives in a fast-paced environment",
    "I am a results-driven problem solver",
    "I always give 100% and hit the ground running",
    "I think outside the box",
];

const CLAIMS: &[&str] = &[
    "I significantly improved the performance of several services.",
    "The new design is highly scalable and much more reliable.",
    "Our deploys became dramatically faster.",
    "I greatly improved the accuracy of the reports.",
];

const PLACEHOLDERS: &[&str] = &[
    "[Company Name]",
    "{Hiring Manager}",
    "[Role]",
    "TODO",
    "XXX",
    "[your team]",
];

const CLOSINGS: &[&str] = &[
    "Thank you for your time and consideration. I look forward to hearing from you.",
    "I'd be glad to walk you through the schema and the postmortem on a call. How does your team handle late corrections?",
    "I would love the opportunity to discuss how I can contribute to your team.",
    "Would a call next week work to talk through how you deduplicate retries?",
];

const SIGN_OFFS: &[&str] = &["Best regards,", "Sincerely,", "Thanks,", "Kind regards,"];

fn tech_list(rng: &mut Rng, n: usize) -> String {
    let mut names: Vec<&str> = (0..n).map(|_| rng.pick(TECH)).collect();
    names.dedup();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

fn strong_paragraph(rng: &mut Rng) -> String {
    let company = rng.pick(COMPANIES);
    let system = rng.pick(SYSTEMS);
    let tech = rng.pick(TECH);
    let events = rng.range(2, 90) * 100;
    let before = rng.range(400, 1900);
    let after = rng.range(20, 390);
    let pages = rng.range(12, 60);
    match rng.below(4) {
        0 => format!(
            "At {company} I own the {system}. I rebuilt it in {tech} so that it handles {events:} events per second, \
             and p99 latency fell from {before} ms to {after} ms. When a retry storm took down the consumer last spring, \
             I added idempotency keys, wrote the postmortem, and set up an alert on queue depth."
        ),
        1 => format!(
            "I migrated the {system} from a nightly cron job to a {tech} consumer with a versioned schema. \
             Duplicate charges went from about {pages} a month to zero, availability held at 99.9{}%, \
             and every request now carries a trace ID into our Grafana dashboards.",
            rng.below(10)
        ),
        2 => format!(
            "On-call pages for the {system} dropped from {pages} to {} a week after I split the hot table and \
             moved reads to a replica. Monthly spend fell from ${},000 to ${},000.",
            pages / 4,
            rng.range(40, 120),
            rng.range(10, 39)
        ),
        _ => format!(
            "The hard part of the {system} was the data model, not the queue: I designed an append-only adjustments \
             table so a late correction becomes a new row. It now stores about {} million rows and serves {events} requests per minute.",
            rng.range(2, 900)
        ),
    }
}

fn weak_paragraph(rng: &mut Rng) -> String {
    let n = rng.range(4, 10);
    match rng.below(4) {
        0 => format!(
            "{}, and {}. I am proficient in {}.",
            rng.pick(CLICHES),
            rng.pick(CLICHES).to_lowercase(),
            tech_list(rng, n)
        ),
        1 => format!(
            "I have {} years of experience and joined my current team in 20{}. {} You can reach me at (555) 01{}-{:04}.",
            rng.range(2, 15),
            rng.range(10, 24),
            rng.pick(CLAIMS),
            rng.below(10),
            rng.below(10_000)
        ),
        2 => format!(
            "I am excited to join {} as a {}. I upgraded our services to Python 3.{} in March. {}",
            rng.pick(PLACEHOLDERS),
            rng.pick(PLACEHOLDERS),
            rng.range(8, 13),
            rng.pick(CLAIMS)
        ),
        _ => format!(
            "Over the years I have worked on many projects across different industries with {}. {}.",
            tech_list(rng, n),
            rng.pick(CLICHES)
        ),
    }
}

/// Markdown that is not a paragraph of prose: code, lists, quotes,
/// comments, headings, links, tables.
fn other_block(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => format!(
            "```yaml\nreplicas: {}\nkafka:\n  topic: invoices\n  retries: 5\n```",
            rng.range(2, 9)
        ),
        1 => (0..rng.range(3, 8))
            .map(|_| format!("- {}", rng.pick(TECH)))
            .collect::<Vec<_>>()
            .join("\n"),
        2 => format!(
            "- Cut p99 from {} ms to {} ms.\n- Wrote the runbook for `{}` failover.\n  1. drain\n  2. promote\n- [ ] TODO: add the cost figure",
            rng.range(500, 900),
            rng.range(20, 99),
            rng.pick(SYSTEMS)
        ),
        3 => "> \"We are tired of being paged for nothing,\" your careers page says.".to_string(),
        4 => format!(
            "<!-- letterlint-disable-next-line cliche -->\n{}.",
            rng.pick(CLICHES)
        ),
        5 => format!(
            "## Day-one proposal\n\nIn my first month I would map the {} and its alerts, see [my post](https://example.com/post-{}) for how.",
            rng.pick(SYSTEMS),
            rng.below(100)
        ),
        6 => format!(
            "| metric | before | after |\n|---|---|---|\n| p99 | {} ms | {} ms |",
            rng.range(500, 900),
            rng.range(20, 99)
        ),
        _ => format!(
            "I keep notes on <b>{}</b> and use `SELECT * FROM ledger` daily.[^1]\n\n[^1]: A footnote.",
            rng.pick(SYSTEMS)
        ),
    }
}

fn front_matter(rng: &mut Rng) -> String {
    let company = rng.pick(COMPANIES);
    let role = rng.pick(ROLES);
    match rng.below(3) {
        0 => format!("+++\ncompany = \"{company}\"\nrole = \"{role}\"\n+++"),
        1 => format!("---\ncompany: {company}\nrole: {role}\n---"),
        _ => String::new(),
    }
}

fn opening(rng: &mut Rng) -> String {
    let company = rng.pick(COMPANIES);
    let role = rng.pick(ROLES);
    match rng.below(3) {
        0 => format!(
            "I'm applying for the {role} role on {company}'s platform team. Your engineering blog post on retries described the problem I have spent two years solving."
        ),
        1 => "I am writing to express my strong interest in the position at your company.".to_string(),
        _ => format!("I am writing to apply for the {role} position at {company}. I am a results-driven developer."),
    }
}

/// A body block: about two thirds prose, the rest other Markdown.
fn body_block(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 | 1 => strong_paragraph(rng),
        2 | 3 => weak_paragraph(rng),
        _ => other_block(rng),
    }
}

/// One letter of ordinary length, 1.5 to 4 KB.
pub fn letter(rng: &mut Rng) -> String {
    let size = rng.range(1500, 4000);
    letter_of_size(rng, size)
}

/// A letter of at least `bytes` bytes: front matter, salutation and opening,
/// as many body blocks as it takes, a closing and a sign-off. The
/// benchmarks use it to show that linting time grows linearly with size.
pub fn letter_of_size(rng: &mut Rng, bytes: usize) -> String {
    let salutation = rng.pick(&["Ms. Varela", "Hiring Manager", "team", "{Hiring Manager}"]);
    let mut blocks = vec![
        front_matter(rng),
        format!("Dear {salutation},"),
        opening(rng),
    ];
    let mut size: usize = blocks.iter().map(String::len).sum();
    while size < bytes {
        let block = body_block(rng);
        size += block.len() + 2;
        blocks.push(block);
    }
    blocks.push(rng.pick(CLOSINGS).to_string());
    blocks.push(format!("{}\n{}", rng.pick(SIGN_OFFS), rng.pick(NAMES)));
    blocks.retain(|b| !b.is_empty());
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}
