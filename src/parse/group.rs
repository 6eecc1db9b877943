//! Stage 4: grouping events into diagnoses. A reason line is a diagnosis; the wrapper, network
//! line and exception printed for the same request add facts to it; Firefox's multi-line
//! reports fold; identical diagnoses count; pasted headers add their checked steps.
//!
//! The decision a reader might not guess: every event looks at a fixed window of slots, and
//! duplicates are found by hash, so grouping is linear however large the paste.

use super::*;

pub(super) fn engines_agree(a: Option<Engine>, b: Option<Engine>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Finds the diagnosis an auxiliary event belongs to: the nearest preceding compatible one
/// within [`MAX_ATTACH_DISTANCE`] events, else the nearest following one. `slots` holds the
/// diagnosis started by each event, by event index, so this looks at a fixed window only.
pub(super) fn attach_target(
    slots: &[Option<Box<Diagnosis>>],
    at: usize,
    ev: &Event,
) -> Option<usize> {
    let fits = |i: usize| {
        slots[i]
            .as_ref()
            .is_some_and(|d| d.facts.compatible(&ev.facts) && engines_agree(d.engine, ev.engine))
    };
    let before = (at.saturating_sub(MAX_ATTACH_DISTANCE)..at)
        .rev()
        .find(|&i| fits(i));
    let after = (at + 1..slots.len().min(at + MAX_ATTACH_DISTANCE + 1)).find(|&i| fits(i));
    before.or(after)
}

pub(super) fn absorb(d: &mut Diagnosis, ev: &Event) {
    d.facts.merge_from(&ev.facts);
    d.engine = d.engine.or(ev.engine);
    d.stage = d.stage.or(ev.stage);
    for x in &ev.dropped {
        if !d.dropped.contains(x) {
            d.dropped.push(x.clone());
        }
    }
}

/// A diagnosis started by `ev`, taking its facts (each event is read by one grouping pass
/// only, so nothing needs them afterwards).
pub(super) fn new_diagnosis(ev: &mut Event, kind: KindId) -> Diagnosis {
    Diagnosis {
        kind,
        engine: ev.engine,
        stage: ev.stage,
        count: 1,
        facts: std::mem::take(&mut *ev.facts),
        dropped: std::mem::take(&mut ev.dropped),
        matched: ev.matched,
        language: ev.language,
        evidence: None,
    }
}

/// Checks every exchange of pasted headers. The console lines fill in what the headers leave
/// out (the page origin, the URL); a failure becomes a diagnosis, or adds its steps to the
/// console diagnosis of the same kind ("the console line says what failed, the headers say
/// why").
pub(super) fn apply_evidence(
    diagnoses: &mut Vec<Diagnosis>,
    exchanges: &[Exchange],
) -> Vec<Checked> {
    let context = diagnoses
        .first()
        .map(|d| d.facts.clone())
        .unwrap_or_default();
    let mut out = Vec::new();
    // The headers go with a console diagnosis of their kind among the first 64 (a bit each
    // once taken): each exchange looks at a bounded number of candidates, so this stays linear
    // however large the paste.
    let console = diagnoses.len().min(64);
    let mut taken = 0u64;
    for ex in exchanges {
        let mut ex = ex.clone();
        let r = &mut ex.request;
        r.origin = r.origin.take().or_else(|| context.page_origin.clone());
        r.url = r.url.take().or_else(|| context.request_url.clone());
        if r.method.is_empty() {
            r.method = context.method.clone().unwrap_or_else(|| "GET".to_string());
        }
        // Without the page's origin there is nothing to check the answers against (a bare
        // `HTTP/1.1 204` or a lone Allow-Origin says nothing of this page).
        if ex.request.origin.is_none() {
            continue;
        }
        let verdict = check(&ex);
        let mut facts = Facts::default();
        let req = &ex.request;
        for (fact, value) in [
            (Fact::PageOrigin, req.origin.clone()),
            (Fact::RequestUrl, req.url.clone()),
            (Fact::Method, Some(req.method.clone())),
        ] {
            if let Some(v) = value {
                let _ = facts.offer(fact, &v);
            }
        }
        let (kind, stage) = match verdict.failure {
            Some((k, s)) => (Some(k), Some(s)),
            None => (None, None),
        };
        let failing = match stage {
            Some(Stage::Preflight) => ex.preflight.as_ref(),
            _ => ex.actual.as_ref(),
        };
        if let Some(resp) = failing {
            let _ = facts.offer(Fact::Status, &resp.status.to_string());
            if let Some(a) = resp.get("Access-Control-Allow-Origin") {
                let _ = facts.offer(Fact::AllowOrigin, &a);
            }
        }
        if matches!(
            kind,
            Some(KindId::HeaderNotAllowed | KindId::AuthorizationNotCoveredByWildcard)
        ) {
            if let Some(h) = req.unsafe_header_names().first() {
                let _ = facts.offer(Fact::Header, h);
            }
        }
        if let (Some(kind), Some(stage)) = (kind, stage) {
            let same = (0..console).find(|&i| {
                taken & (1 << i) == 0
                    && diagnoses[i].kind == kind
                    && diagnoses[i].facts.compatible(&facts)
            });
            if let Some(i) = same {
                taken |= 1 << i;
            }
            match same {
                Some(i) => {
                    let d = &mut diagnoses[i];
                    d.facts.merge_from(&facts);
                    d.evidence = Some(verdict.clone());
                }
                None => diagnoses.push(Diagnosis {
                    kind,
                    engine: None,
                    stage: Some(stage),
                    count: 1,
                    facts: facts.clone(),
                    matched: Match::Evidence,
                    language: None,
                    dropped: Vec::new(),
                    evidence: Some(verdict.clone()),
                }),
            }
        }
        out.push(Checked {
            facts,
            kind,
            verdict,
        });
    }
    out
}

/// Turns events into diagnoses: reasons first, then echoes, wrappers, network lines and
/// exceptions attach to them; identical diagnoses collapse into one with a count.
///
/// Linear in the number of events (plus hashing): each event looks at a window of
/// [`MAX_ATTACH_DISTANCE`] slots on each side, and duplicates are found through a hash map.
pub(super) fn group(mut events: Vec<Event>) -> Vec<Diagnosis> {
    // Boxed diagnoses: the slots, one per event, stay small to move.
    let mut slots: Vec<Option<Box<Diagnosis>>> = events
        .iter_mut()
        .map(|e| (e.role == EventRole::Primary).then(|| Box::new(new_diagnosis(e, e.kind))))
        .collect();
    for i in 0..events.len() {
        let ev = &mut events[i];
        if ev.role != EventRole::Echo {
            continue;
        }
        let same = attach_target(&slots, i, ev)
            .filter(|&t| slots[t].as_ref().is_some_and(|d| d.kind == ev.kind));
        match same.and_then(|t| slots[t].as_mut()) {
            Some(d) => absorb(d, ev),
            None => slots[i] = Some(Box::new(new_diagnosis(ev, ev.kind))),
        }
    }
    for (i, ev) in events.iter_mut().enumerate() {
        let EventRole::Aux(fallback) = ev.role else {
            continue;
        };
        match (attach_target(&slots, i, ev), fallback) {
            (Some(t), _) => {
                if let Some(d) = slots[t].as_mut() {
                    absorb(d, ev);
                }
            }
            (None, Some(kind)) => slots[i] = Some(Box::new(new_diagnosis(ev, kind))),
            (None, None) => {}
        }
    }
    let had_failures = slots.iter().any(Option::is_some);
    for (i, ev) in events.iter_mut().enumerate() {
        if ev.role != EventRole::Exception {
            continue;
        }
        match attach_target(&slots, i, ev) {
            Some(t) => {
                if let Some(d) = slots[t].as_mut() {
                    absorb(d, ev);
                }
            }
            None if !had_failures => {
                slots[i] = Some(Box::new(new_diagnosis(ev, KindId::GenericFetchFailure)));
            }
            None => {}
        }
    }
    drop(events);
    // Firefox reports one failed request on several lines: a redirected preflight prints
    // "external redirect not allowed" and "preflight response did not succeed ... 3xx", and any
    // failure is followed by "CORS request did not succeed" for the same URL. Those lines are
    // one failure: fold them into the most specific diagnosis.
    let mut kept: Vec<(usize, Box<Diagnosis>)> = Vec::new();
    for (pos, mut d) in slots
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
    {
        if d.kind == KindId::PreflightBadStatus
            && d.facts.status.is_some_and(|s| (300..400).contains(&s))
        {
            d.kind = KindId::PreflightRedirect;
        }
        let same_request = |p: usize, prev: &Diagnosis| {
            pos - p <= MAX_ATTACH_DISTANCE
                && prev.engine == Some(Engine::Firefox)
                && d.engine == Some(Engine::Firefox)
                && prev.facts.request_url.is_some()
                && prev.facts.request_url == d.facts.request_url
        };
        match kept.last_mut() {
            // The trailing "did not succeed" line of a failure already diagnosed.
            Some((p, prev))
                if same_request(*p, prev)
                    && d.kind == KindId::NetworkError
                    && prev.kind != KindId::NetworkError =>
            {
                prev.facts.merge_from(&d.facts);
            }
            // "external redirect not allowed" followed by the preflight's 3xx.
            Some((p, prev))
                if same_request(*p, prev)
                    && prev.kind == KindId::RedirectNotAllowed
                    && d.kind == KindId::PreflightRedirect =>
            {
                d.facts.merge_from(&prev.facts);
                *prev = d;
                *p = pos;
            }
            _ => kept.push((pos, d)),
        }
    }
    // Identical diagnoses (same kind, engine, stage and facts) become one with a count.
    let mut out: Vec<Diagnosis> = Vec::new();
    // Buckets by a hash of what makes two diagnoses the same failure; equal hashes are
    // confirmed field by field.
    let mut seen = Buckets::default();
    for (_, d) in kept {
        let key = (d.kind, d.engine, d.stage, d.matched, &d.facts);
        let same = seen.find(&key, |i| {
            let o: &Diagnosis = &out[i];
            o.kind == d.kind
                && o.engine == d.engine
                && o.stage == d.stage
                && o.matched == d.matched
                && o.facts == d.facts
        });
        match same {
            Some(i) => out[i].count += d.count,
            None => {
                seen.insert(&key, out.len());
                out.push(*d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_of_one_failed_request_are_one_diagnosis_with_all_their_facts() {
        let text = "Access to fetch at 'https://api.example.com/v1/orders' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n\
            POST https://api.example.com/v1/orders net::ERR_FAILED 500 (Internal Server Error)\n\
            Uncaught (in promise) TypeError: Failed to fetch";
        let r = diagnose(text);
        assert_eq!(r.diagnoses.len(), 1, "{r:?}");
        let d = &r.diagnoses[0];
        assert_eq!(d.kind, KindId::MissingAllowOrigin);
        assert_eq!(d.facts.method.as_deref(), Some("POST"));
        assert_eq!(d.facts.status, Some(500));
    }

    #[test]
    fn identical_failures_count_and_different_ones_stay_apart() {
        let line = |url: &str| {
            format!("Access to fetch at '{url}' from origin 'http://a.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n")
        };
        let text = line("https://api.example.com/x").repeat(3) + &line("https://api.example.com/y");
        let r = diagnose(&text);
        let counts: Vec<u32> = r.diagnoses.iter().map(|d| d.count).collect();
        assert_eq!(counts, [3, 1]);
    }

    #[test]
    fn an_exception_alone_is_a_generic_failure_and_beside_a_reason_adds_nothing() {
        let alone = diagnose("TypeError: Failed to fetch");
        assert_eq!(alone.diagnoses.len(), 1);
        assert_eq!(alone.diagnoses[0].kind, KindId::GenericFetchFailure);
        assert!(engines_agree(None, Some(Engine::Firefox)));
        assert!(!engines_agree(
            Some(Engine::Chromium),
            Some(Engine::Firefox)
        ));
    }
}
