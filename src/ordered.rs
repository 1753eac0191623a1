//! The ordered parallel writer: workers lint the letters and render their
//! reports, and each report is written as soon as it and the letters before
//! it are done. A run holds only the few reports that finish ahead of a
//! slower one, never all of them.

use crate::report::{Linted, Output, Rendered, Reporter, Statistics};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::mpsc;

/// Where a run writes its reports, and with what.
pub struct Writing<'a> {
    /// The format's reporter: the run made it, to tell it its problems too.
    pub reporter: &'a dyn Reporter,
    pub output: Output,
    pub out: &'a mut dyn Write,
    /// Where the `--statistics` table goes when the reports are for
    /// programs to read.
    pub err: &'a mut dyn Write,
    /// Whether a letter fails the run: `Linted::fails`, or under `--diff`
    /// whether it would change.
    pub fails: fn(&Linted) -> bool,
}

/// Lints each job on the pool with `lint` and writes the reports, in the
/// jobs' order; the `--statistics` table follows them. `each` hears of
/// every job in that order: whether its letter fails the run, or why it was
/// not linted. After a write error (a closed pipe) the rest is still linted,
/// for the exit code, but not written; the error is returned.
pub fn write_in_order<J: Send, E: Send>(
    pool: &rayon::ThreadPool,
    jobs: impl Iterator<Item = J> + Send,
    lint: impl Fn(J) -> Result<Linted, E> + Sync,
    writing: Writing,
    mut each: impl FnMut(Result<bool, E>),
) -> io::Result<()> {
    let Writing {
        reporter,
        output,
        out,
        err,
        fails,
    } = writing;
    let statistics = output.statistics.then(Statistics::default);
    let mut reporters: Vec<&dyn Reporter> = vec![reporter];
    reporters.extend(statistics.as_ref().map(|s| s as &dyn Reporter));

    let mut written = reporters.iter().try_for_each(|r| r.start(out));
    // A worker lints a letter and renders its reports; only the rendered
    // reports wait for their turn to be written, not the letter.
    let work = |job| {
        let linted = lint(job)?;
        let rendered: Vec<Rendered> = reporters.iter().map(|r| r.render(&linted)).collect();
        Ok((fails(&linted), rendered))
    };
    in_order(pool, jobs, work, |done| match done {
        Ok((fails, rendered)) => {
            each(Ok(fails));
            for (reporter, rendered) in reporters.iter().zip(rendered) {
                if written.is_ok() {
                    written = reporter.write(rendered, out);
                }
            }
        }
        Err(e) => each(Err(e)),
    });
    written?;
    reporter.finish(out)?;
    match statistics {
        Some(statistics) if output.format.for_people => statistics.finish(out),
        Some(statistics) => statistics.finish(err),
        None => Ok(()),
    }
}

/// Runs `work` on every job in the pool and hands each result to `handle`
/// in the jobs' order as soon as it and those before it are done. Workers
/// take the jobs in order, so only the few results that finish ahead of a
/// slower one wait.
fn in_order<J: Send, R: Send>(
    pool: &rayon::ThreadPool,
    jobs: impl Iterator<Item = J> + Send,
    work: impl Fn(J) -> R + Sync,
    mut handle: impl FnMut(R),
) {
    // Bounded: when `handle` is the slower side (a SARIF log is serialized
    // there), the workers wait instead of piling results up in the channel.
    let (sender, receiver) = mpsc::sync_channel(4 * pool.current_num_threads());
    pool.in_place_scope(|scope| {
        scope.spawn(|_| {
            // Ends early only if the receiver is dropped: a panic in `handle`.
            let _ = jobs
                .enumerate()
                .par_bridge()
                .try_for_each_with(sender, |sender, (i, job)| sender.send((i, work(job))));
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, result) in receiver {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                handle(result);
            }
        }
    });
}
