//! The groups and environments open at a point of a LaTeX letter. Kept as
//! a stack, never as recursion: a file of 100,000 nested braces is read in
//! one pass without exhausting the call stack. Each frame is pushed and
//! popped once, so closing one costs nothing however deep it stands.

use super::builder::Mark;

#[derive(Debug)]
pub(super) enum Frame<'s, 'o> {
    /// `{…}`: a bare group or a command's argument.
    Group {
        /// The arguments still to read after this one (`Reader::arguments`).
        rest: &'o str,
        /// Take the group's prose back if it holds no word.
        undo: Option<Mark>,
        emphasis: bool,
    },
    Environment {
        name: &'s str,
        list: bool,
        /// A letterhead's (`center`, `flushright`, `minipage` before the
        /// letter's prose): the number of blocks when it began.
        letterhead_from: Option<usize>,
    },
}

/// How far back `\end{name}` looks for its `\begin{name}`: an unmatched
/// `\end` must not walk a deep stack each time.
const ENVIRONMENT_REACH: usize = 64;

#[derive(Debug, Default)]
pub(super) struct Stack<'s, 'o> {
    frames: Vec<Frame<'s, 'o>>,
    /// Where each open group and environment stands in `frames`.
    groups: Vec<usize>,
    environments: Vec<usize>,
}

impl<'s, 'o> Stack<'s, 'o> {
    pub(super) fn push(&mut self, frame: Frame<'s, 'o>) {
        match frame {
            Frame::Group { .. } => self.groups.push(self.frames.len()),
            Frame::Environment { .. } => self.environments.push(self.frames.len()),
        }
        self.frames.push(frame);
    }

    /// Closes the innermost group, and every environment opened inside it:
    /// those frames, innermost first. Empty when no group is open.
    pub(super) fn close_group(&mut self) -> Vec<Frame<'s, 'o>> {
        match self.groups.last() {
            Some(&at) => self.pop_to(at),
            None => Vec::new(),
        }
    }

    /// Ends the innermost environment called `name`, and what was opened
    /// inside it: those frames, innermost first.
    pub(super) fn end_environment(&mut self, name: &str) -> Vec<Frame<'s, 'o>> {
        let found = self.environments.iter().rev().take(ENVIRONMENT_REACH).find(
            |&&at| matches!(self.frames[at], Frame::Environment { name: n, .. } if n == name),
        );
        match found {
            Some(&at) => self.pop_to(at),
            None => Vec::new(),
        }
    }

    fn pop_to(&mut self, len: usize) -> Vec<Frame<'s, 'o>> {
        while self.groups.last().is_some_and(|&at| at >= len) {
            self.groups.pop();
        }
        while self.environments.last().is_some_and(|&at| at >= len) {
            self.environments.pop();
        }
        let mut popped = self.frames.split_off(len);
        popped.reverse();
        popped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(name: &str) -> Frame<'_, 'static> {
        Frame::Environment {
            name,
            list: false,
            letterhead_from: None,
        }
    }

    fn group() -> Frame<'static, 'static> {
        Frame::Group {
            rest: "",
            undo: None,
            emphasis: false,
        }
    }

    #[test]
    fn a_group_closes_the_environments_opened_inside_it() {
        let mut stack = Stack::default();
        stack.push(environment("itemize"));
        stack.push(group());
        stack.push(environment("center"));
        assert_eq!(stack.close_group().len(), 2);
        assert!(stack.close_group().is_empty());
        assert_eq!(stack.end_environment("itemize").len(), 1);
        assert!(stack.end_environment("itemize").is_empty());
    }
}
