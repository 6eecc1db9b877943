//! A small regex engine for the catalog's patterns, used by the page in place of regex-lite.
//!
//! It reads the subset of regex syntax the patterns use (literals and escapes, `.`, classes
//! with ranges and negation, `\d \s \S \b` in their ASCII meaning, `^ $`, capturing `(...)` and
//! `(?P<name>...)`, non-capturing `(?:...)`, `|`, and the quantifiers `? * + {n} {n,} {n,m}`,
//! greedy or lazy) and matches like the `regex` crate: leftmost-first, with the same captures.
//! The command line runs the `regex` crate itself; a test runs every pattern in both engines
//! over the corpus and over mutated lines and wants the same matches (tests/regex_engine.rs).
//!
//! The decision a reader would not guess: it exists for size. regex-lite was about 12 KB
//! brotli of the page; this is a Pike VM of a few hundred lines. Time is linear in
//! the text times the pattern's size, whatever the text: every position is visited once by each
//! instruction at most (no backtracking).

/// A pattern the engine cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub &'static str);

/// An error saying what is wrong (natively; the page never shows it, so its wasm carries one
/// generic text instead of every message).
fn fail(what: &'static str) -> Error {
    #[cfg(target_arch = "wasm32")]
    let _ = what;
    #[cfg(target_arch = "wasm32")]
    return Error("bad pattern");
    #[cfg(not(target_arch = "wasm32"))]
    Error(what)
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// A zero-width assertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    Start,
    End,
    WordBoundary,
}

#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char),
    /// Inclusive ranges; negated.
    Class(Vec<(char, char)>, bool),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// A group; `Some(i)` captures into group `i`.
    Group(Option<usize>, Box<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Look(Look),
}

#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    Class(Vec<(char, char)>, bool),
    /// Try the first, then the second.
    Split(usize, usize),
    Jump(usize),
    Save(usize),
    Look(Look),
    Match,
}

/// Repetition counts above this are refused (the patterns use at most 40).
const MAX_REPEAT: u32 = 1000;

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    prog: Vec<Inst>,
    /// The character every match starts with, when the pattern says (positions without it are
    /// skipped while no thread is alive).
    first: Option<char>,
    /// Group names by index (group 0, the whole match, has none).
    names: Vec<Option<String>>,
}

/// One match: its span in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    /// Byte offset where the match starts.
    pub fn start(&self) -> usize {
        self.start
    }
    /// Byte offset just past the match.
    pub fn end(&self) -> usize {
        self.end
    }
    /// The matched text.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Clone, Debug)]
pub struct Captures<'t> {
    text: &'t str,
    slots: Vec<Option<usize>>,
    names: &'t [Option<String>],
}

impl<'t> Captures<'t> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        match (self.slots.get(2 * i)?, self.slots.get(2 * i + 1)?) {
            (Some(start), Some(end)) => Some(Match {
                text: self.text,
                start: *start,
                end: *end,
            }),
            _ => None,
        }
    }

    /// The group called `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'t>> {
        let i = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(i)
    }
}

fn compile(node: &Node, prog: &mut Vec<Inst>) {
    match node {
        Node::Empty => {}
        Node::Char(c) => prog.push(Inst::Char(*c)),
        Node::Class(r, n) => prog.push(Inst::Class(r.clone(), *n)),
        Node::Look(l) => prog.push(Inst::Look(*l)),
        Node::Cat(items) => items.iter().for_each(|n| compile(n, prog)),
        Node::Alt(alts) => {
            let mut jumps = Vec::new();
            for (i, alt) in alts.iter().enumerate() {
                if i + 1 < alts.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(alt, prog);
                    jumps.push(prog.len());
                    prog.push(Inst::Jump(0));
                    let next = prog.len();
                    prog[split] = Inst::Split(split + 1, next);
                } else {
                    compile(alt, prog);
                }
            }
            let end = prog.len();
            for j in jumps {
                prog[j] = Inst::Jump(end);
            }
        }
        Node::Group(index, inner) => {
            if let Some(i) = index {
                prog.push(Inst::Save(2 * i));
            }
            compile(inner, prog);
            if let Some(i) = index {
                prog.push(Inst::Save(2 * i + 1));
            }
        }
        Node::Repeat {
            node,
            min,
            max,
            greedy,
        } => {
            for _ in 0..*min {
                compile(node, prog);
            }
            let split = |prog: &mut Vec<Inst>, body: usize, out: usize| {
                if *greedy {
                    Inst::Split(body, out)
                } else {
                    let _ = prog;
                    Inst::Split(out, body)
                }
            };
            match max {
                None => {
                    let top = prog.len();
                    prog.push(Inst::Match); // placeholder
                    compile(node, prog);
                    prog.push(Inst::Jump(top));
                    let out = prog.len();
                    prog[top] = split(prog, top + 1, out);
                }
                Some(max) => {
                    // (x(x(x)?)?)?: each optional copy skips to the very end.
                    let mut holes = Vec::new();
                    for _ in *min..*max {
                        holes.push(prog.len());
                        prog.push(Inst::Match); // placeholder
                        compile(node, prog);
                    }
                    let out = prog.len();
                    for h in holes {
                        prog[h] = split(prog, h + 1, out);
                    }
                }
            }
        }
    }
}

/// A list of threads for one text position: program counters in priority order, each with its
/// capture slots, and the instructions visited at this position (`seen[pc] == mark`), so each is
/// followed once per position.
struct Threads {
    pcs: Vec<usize>,
    slots: Vec<Option<usize>>,
    seen: Vec<u32>,
    mark: u32,
}

impl Threads {
    fn new(prog: usize, nslots: usize) -> Threads {
        Threads {
            pcs: Vec::with_capacity(prog),
            slots: Vec::with_capacity(prog * nslots),
            seen: vec![0; prog],
            mark: 1,
        }
    }
    fn clear(&mut self) {
        self.pcs.clear();
        self.slots.clear();
        self.mark = self.mark.wrapping_add(1);
        if self.mark == 0 {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.mark = 1;
        }
    }
}

/// A capture slot and the value to put back into it.
type Restore = (usize, Option<usize>);

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn class_has(ranges: &[(char, char)], negated: bool, c: char) -> bool {
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != negated
}

impl Regex {
    /// Compiles a pattern.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let mut p = parse::Parser {
            chars: pattern.chars().peekable(),
            names: vec![None],
        };
        let node = p.alternation()?;
        if p.chars.next().is_some() {
            return Err(fail("unopened group"));
        }
        let mut prog = vec![Inst::Save(0)];
        compile(&node, &mut prog);
        prog.push(Inst::Save(1));
        prog.push(Inst::Match);
        let first = match prog.get(1) {
            Some(Inst::Char(c)) => Some(*c),
            _ => None,
        };
        Ok(Regex {
            prog,
            first,
            names: p.names,
        })
    }

    /// The group names, by index (`None` for group 0 and unnamed groups).
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.names.iter().map(|n| n.as_deref())
    }

    /// True when the pattern matches anywhere in the text.
    pub fn is_match(&self, text: &str) -> bool {
        self.search(text, 0).is_some()
    }

    /// The leftmost-first match and its groups.
    pub fn captures<'t>(&'t self, text: &'t str) -> Option<Captures<'t>> {
        self.search(text, 0).map(|slots| Captures {
            text,
            slots,
            names: &self.names,
        })
    }

    /// Every non-overlapping match, left to right.
    pub fn captures_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Captures<'t>> + 't {
        let mut at = Some(0);
        std::iter::from_fn(move || {
            let from = at?;
            let slots = self.search(text, from)?;
            let (start, end) = (slots[0].unwrap_or(from), slots[1].unwrap_or(from));
            at = if end > start {
                Some(end)
            } else {
                text[end..].chars().next().map(|c| end + c.len_utf8())
            };
            Some(Captures {
                text,
                slots,
                names: &self.names,
            })
        })
    }

    /// Follows the instructions that consume nothing from `pc` at `pos`, adding the threads
    /// that wait for a character (or the match) to `list`, in priority order.
    fn add(
        &self,
        list: &mut Threads,
        pc: usize,
        pos: usize,
        text: &str,
        slots: &mut [Option<usize>],
    ) {
        // An explicit stack: an instruction to follow, or a slot to restore after a branch.
        let mut stack: Vec<(usize, Option<Restore>)> = vec![(pc, None)];
        while let Some((pc, restore)) = stack.pop() {
            if let Some((slot, old)) = restore {
                slots[slot] = old;
                continue;
            }
            if list.seen[pc] == list.mark {
                continue;
            }
            list.seen[pc] = list.mark;
            match &self.prog[pc] {
                Inst::Jump(to) => stack.push((*to, None)),
                Inst::Split(first, second) => {
                    stack.push((*second, None));
                    stack.push((*first, None));
                }
                Inst::Save(slot) => {
                    if *slot < slots.len() {
                        stack.push((0, Some((*slot, slots[*slot]))));
                        slots[*slot] = Some(pos);
                    }
                    stack.push((pc + 1, None));
                }
                Inst::Look(look) => {
                    let ok = match look {
                        Look::Start => pos == 0,
                        Look::End => pos == text.len(),
                        Look::WordBoundary => {
                            is_word(text[..pos].chars().next_back())
                                != is_word(text[pos..].chars().next())
                        }
                    };
                    if ok {
                        stack.push((pc + 1, None));
                    }
                }
                Inst::Char(_) | Inst::Class(..) | Inst::Match => {
                    list.pcs.push(pc);
                    list.slots.extend_from_slice(slots);
                }
            }
        }
    }

    /// The slots of the leftmost-first match starting at or after `from`.
    fn search(&self, text: &str, from: usize) -> Option<Vec<Option<usize>>> {
        let nslots = 2 * self.names.len();
        let mut current = Threads::new(self.prog.len(), nslots);
        let mut next = Threads::new(self.prog.len(), nslots);
        let mut scratch = vec![None; nslots];
        let mut matched: Option<Vec<Option<usize>>> = None;
        let mut pos = from;
        loop {
            if matched.is_none() {
                if let (true, Some(first)) = (current.pcs.is_empty(), self.first) {
                    pos += text[pos..].find(first)?;
                }
                // A new thread for a match starting here, after every older one.
                scratch.iter_mut().for_each(|s| *s = None);
                self.add(&mut current, 0, pos, text, &mut scratch);
            }
            if current.pcs.is_empty() && matched.is_some() {
                break;
            }
            let c = text[pos..].chars().next();
            let next_pos = pos + c.map_or(0, char::len_utf8);
            for i in 0..current.pcs.len() {
                let pc = current.pcs[i];
                let ok = match (&self.prog[pc], c) {
                    (Inst::Match, _) => {
                        // Lower-priority threads are dropped: leftmost-first.
                        matched = Some(current.slots[i * nslots..(i + 1) * nslots].to_vec());
                        break;
                    }
                    (Inst::Char(want), Some(c)) => *want == c,
                    (Inst::Class(ranges, negated), Some(c)) => class_has(ranges, *negated, c),
                    _ => false,
                };
                if ok {
                    scratch.copy_from_slice(&current.slots[i * nslots..(i + 1) * nslots]);
                    self.add(&mut next, pc + 1, next_pos, text, &mut scratch);
                }
            }
            if c.is_none() {
                break;
            }
            std::mem::swap(&mut current, &mut next);
            next.clear();
            pos = next_pos;
        }
        matched
    }
}

mod parse;

#[cfg(test)]
mod tests;
