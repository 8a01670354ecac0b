//! The figures of a bench run (serialised as the `--json` object) and the
//! table printed without `--json`. MB are 10^6 bytes.

use std::fmt::Write;

use serde::Serialize;

use super::sys;

#[derive(Serialize)]
pub struct Figures {
    pub paths: Vec<String>,
    /// Documents in the corpus (one copy).
    pub docs: usize,
    /// Input bytes of the corpus (one copy).
    pub bytes: u64,
    pub unreadable: usize,
    pub runs: usize,
    pub copies: usize,
    /// Loading the actor dictionary and the event lexicons.
    pub load_seconds: f64,
    /// Documents coded once before measuring, and how long that took
    /// (includes compiling each language's actor matcher).
    pub warm_up_docs: usize,
    pub warm_up_seconds: f64,
    pub stages: Option<Stages>,
    pub e2e: Option<Vec<EndToEnd>>,
    pub memory: Memory,
}

#[derive(Serialize)]
pub struct Stages {
    pub threads: usize,
    pub docs: usize,
    /// Documents that could not be decoded (or tripped a stage).
    pub failed: usize,
    pub mentions: usize,
    pub events: usize,
    /// Sum of the stages' median times.
    pub seconds: f64,
    pub docs_per_second: f64,
    pub mb_per_second: f64,
    pub stages: Vec<StageFigure>,
}

#[derive(Serialize)]
pub struct StageFigure {
    pub name: &'static str,
    /// Documents that went through the stage.
    pub docs: usize,
    /// The median run's time in this stage.
    pub seconds: f64,
    pub run_seconds: Vec<f64>,
    pub docs_per_second: f64,
    /// Input MB of the whole corpus per second of this stage.
    pub mb_per_second: f64,
    /// This stage's part of the stages' total time (0 to 1).
    pub share: f64,
}

#[derive(Serialize)]
pub struct EndToEnd {
    pub threads: usize,
    /// Documents coded per run (corpus × copies).
    pub docs: usize,
    pub bytes: u64,
    /// Median wall time.
    pub wall_seconds: f64,
    /// Median CPU time (user + system, all threads), when known.
    pub cpu_seconds: Option<f64>,
    pub run_wall_seconds: Vec<f64>,
    pub run_cpu_seconds: Vec<f64>,
    pub docs_per_second: f64,
    pub mb_per_second: f64,
    /// Median wall time on one thread over this one's, when one thread
    /// was measured.
    pub speedup: Option<f64>,
}

#[derive(Serialize)]
pub struct Memory {
    /// Peak resident memory of the whole bench process (`VmHWM`), KiB.
    pub peak_kib: Option<u64>,
    pub peak_mb: Option<f64>,
    /// Documents coded end to end in each run when it was read.
    pub docs: usize,
    /// The corpus held in memory throughout, MB (part of the peak).
    pub corpus_mb: f64,
}

impl Memory {
    pub fn now(docs: usize, corpus_bytes: u64) -> Memory {
        let peak_kib = sys::peak_rss_kib();
        Memory {
            peak_kib,
            peak_mb: peak_kib.map(|k| k as f64 * 1024.0 / 1e6),
            docs,
            corpus_mb: corpus_bytes as f64 / 1e6,
        }
    }
}

/// The median of some figures (the mean of the middle two for an even
/// count; 0 for none).
pub fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

impl Figures {
    /// The readable report.
    pub fn table(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "corpus: {} documents, {:.1} MB ({}){}",
            self.docs,
            self.bytes as f64 / 1e6,
            self.paths.join(", "),
            if self.unreadable > 0 {
                format!(", {} unreadable", self.unreadable)
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            t,
            "dictionary and lexicons loaded in {:.1} ms; warm-up on {} documents {:.1} ms; \
             median of {} run{}",
            self.load_seconds * 1e3,
            self.warm_up_docs,
            self.warm_up_seconds * 1e3,
            self.runs,
            if self.runs == 1 { "" } else { "s" }
        );
        if let Some(s) = &self.stages {
            self.stage_table(&mut t, s);
        }
        if let Some(e) = &self.e2e {
            self.e2e_table(&mut t, e);
        }
        let m = &self.memory;
        let _ = write!(t, "\npeak memory: ");
        match m.peak_mb {
            Some(mb) => {
                let _ = writeln!(
                    t,
                    "{mb:.1} MB with {} documents coded per run (VmHWM of the whole bench process, \
                     including the {:.1} MB corpus held in memory)",
                    m.docs, m.corpus_mb
                );
            }
            None => {
                let _ = writeln!(t, "unknown (no /proc/self/status)");
            }
        }
        t
    }

    fn stage_table(&self, t: &mut String, s: &Stages) {
        let _ = writeln!(
            t,
            "\nstages, 1 thread: {} documents, {} mentions, {} events{}",
            s.docs,
            s.mentions,
            s.events,
            if s.failed > 0 {
                format!(", {} failed", s.failed)
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            t,
            "  {:<10} {:>10} {:>10} {:>8} {:>9} {:>9}",
            "stage", "docs/s", "MB/s", "share", "ms/doc", "total s"
        );
        let row = |t: &mut String, name: &str, docs: usize, secs: f64, share: f64| {
            let _ = writeln!(
                t,
                "  {name:<10} {:>10.0} {:>10.2} {:>7.1}% {:>9.3} {:>9.3}",
                docs as f64 / secs.max(1e-9),
                self.bytes as f64 / 1e6 / secs.max(1e-9),
                share * 100.0,
                secs * 1e3 / docs.max(1) as f64,
                secs
            );
        };
        for f in &s.stages {
            row(t, f.name, f.docs, f.seconds, f.share);
        }
        row(t, "all", s.docs, s.seconds, 1.0);
    }

    fn e2e_table(&self, t: &mut String, e2e: &[EndToEnd]) {
        let _ = writeln!(
            t,
            "\nend to end (dyad code into a sink, input from memory): {} documents × {} cop{}",
            self.docs,
            self.copies,
            if self.copies == 1 { "y" } else { "ies" }
        );
        let _ = writeln!(
            t,
            "  {:>7} {:>10} {:>8} {:>9} {:>9} {:>9}",
            "threads", "docs/s", "MB/s", "wall s", "CPU s", "speed-up"
        );
        for e in e2e {
            let cpu = e.cpu_seconds.map_or("-".into(), |c| format!("{c:.2}"));
            let speedup = e.speedup.map_or("-".into(), |s| format!("{s:.2}×"));
            let _ = writeln!(
                t,
                "  {:>7} {:>10.0} {:>8.2} {:>9.2} {:>9} {:>9}",
                e.threads, e.docs_per_second, e.mb_per_second, e.wall_seconds, cpu, speedup
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median([3.0, 1.0, 2.0].into_iter()), 2.0);
        assert_eq!(median([4.0, 1.0, 3.0, 2.0].into_iter()), 2.5);
        assert_eq!(median(std::iter::empty()), 0.0);
    }
}
