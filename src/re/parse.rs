//! The regex syntax the catalog's patterns use, read into the [`Node`] tree that `compile`
//! turns into the Pike VM's program (see the parent module for the syntax and the engine).

use super::*;

pub(super) struct Parser<'a> {
    pub(super) chars: std::iter::Peekable<std::str::Chars<'a>>,
    pub(super) names: Vec<Option<String>>,
}

const SPACE: &[(char, char)] = &[('\t', '\r'), (' ', ' ')];

impl Parser<'_> {
    pub(super) fn alternation(&mut self) -> Result<Node, Error> {
        let mut alts = vec![self.concat()?];
        while self.chars.peek() == Some(&'|') {
            self.chars.next();
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Node, Error> {
        let mut items = Vec::new();
        while let Some(&c) = self.chars.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Cat(items))
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, Error> {
        let (min, max) = match self.chars.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                self.chars.next();
                let min = self.number()?;
                let max = if self.chars.peek() == Some(&',') {
                    self.chars.next();
                    if self.chars.peek() == Some(&'}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if self.chars.next() != Some('}') || max.is_some_and(|m| m < min) {
                    return Err(fail("bad counted repetition"));
                }
                return self.lazy(atom, min, max);
            }
            _ => return Ok(atom),
        };
        self.chars.next();
        self.lazy(atom, min, max)
    }

    fn lazy(&mut self, atom: Node, min: u32, max: Option<u32>) -> Result<Node, Error> {
        if matches!(atom, Node::Look(_) | Node::Empty) {
            return Err(fail("repetition of nothing"));
        }
        let greedy = if self.chars.peek() == Some(&'?') {
            self.chars.next();
            false
        } else {
            true
        };
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    fn number(&mut self) -> Result<u32, Error> {
        let mut n: u32 = 0;
        let mut any = false;
        while let Some(d) = self.chars.peek().and_then(|c| c.to_digit(10)) {
            self.chars.next();
            n = n.saturating_mul(10).saturating_add(d);
            any = true;
        }
        if !any || n > MAX_REPEAT {
            return Err(fail("bad repetition count"));
        }
        Ok(n)
    }

    fn atom(&mut self) -> Result<Node, Error> {
        let c = self.chars.next().ok_or(fail("unexpected end"))?;
        Ok(match c {
            '(' => {
                let index = if self.chars.peek() == Some(&'?') {
                    self.chars.next();
                    match self.chars.next() {
                        Some(':') => None,
                        Some('P') if self.chars.next() == Some('<') => {
                            let mut name = String::new();
                            loop {
                                match self.chars.next() {
                                    Some('>') => break,
                                    Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
                                        name.push(c)
                                    }
                                    _ => return Err(fail("bad group name")),
                                }
                            }
                            self.names.push(Some(name));
                            Some(self.names.len() - 1)
                        }
                        _ => return Err(fail("unsupported group")),
                    }
                } else {
                    self.names.push(None);
                    Some(self.names.len() - 1)
                };
                let inner = self.alternation()?;
                if self.chars.next() != Some(')') {
                    return Err(fail("unclosed group"));
                }
                Node::Group(index, Box::new(inner))
            }
            ')' => return Err(fail("unopened group")),
            '[' => self.class()?,
            '.' => Node::Class(vec![('\n', '\n')], true),
            '^' => Node::Look(Look::Start),
            '$' => Node::Look(Look::End),
            '?' | '*' | '+' | '{' => return Err(fail("repetition of nothing")),
            '\\' => match self.escape()? {
                Escaped::Char(c) => Node::Char(c),
                Escaped::Class(ranges, negated) => Node::Class(ranges, negated),
                Escaped::Look(l) => Node::Look(l),
            },
            c => Node::Char(c),
        })
    }

    fn escape(&mut self) -> Result<Escaped, Error> {
        let c = self.chars.next().ok_or(fail("trailing backslash"))?;
        Ok(match c {
            'd' => Escaped::Class(vec![('0', '9')], false),
            's' => Escaped::Class(SPACE.to_vec(), false),
            'S' => Escaped::Class(SPACE.to_vec(), true),
            'b' => Escaped::Look(Look::WordBoundary),
            'n' => Escaped::Char('\n'),
            't' => Escaped::Char('\t'),
            c if c.is_ascii_punctuation() || c == ' ' => Escaped::Char(c),
            _ => return Err(fail("unsupported escape")),
        })
    }

    fn class(&mut self) -> Result<Node, Error> {
        let negated = if self.chars.peek() == Some(&'^') {
            self.chars.next();
            true
        } else {
            false
        };
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let c = self.chars.next().ok_or(fail("unclosed class"))?;
            let lo = match c {
                ']' if !first => break,
                '\\' => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Class(r, false) => {
                        ranges.extend(r);
                        first = false;
                        continue;
                    }
                    _ => return Err(fail("unsupported escape in class")),
                },
                '[' => return Err(fail("nested class")),
                c => c,
            };
            first = false;
            let mut hi = lo;
            let mut ahead = self.chars.clone();
            if ahead.next() == Some('-') && ahead.peek().is_some_and(|&n| n != ']') {
                self.chars.next();
                hi = match self.chars.next() {
                    Some('\\') => match self.escape()? {
                        Escaped::Char(c) => c,
                        _ => return Err(fail("bad range")),
                    },
                    Some(c) => c,
                    None => return Err(fail("unclosed class")),
                };
                if hi < lo {
                    return Err(fail("bad range"));
                }
            }
            ranges.push((lo, hi));
        }
        // Ranges stay in written order: membership tries each (no sort in the wasm bundle).
        Ok(Node::Class(ranges, negated))
    }
}

enum Escaped {
    Char(char),
    Class(Vec<(char, char)>, bool),
    Look(Look),
}
