//! What the kernel says about this process (Linux `/proc`; `None`
//! elsewhere): CPU time used by all its threads, and its peak resident
//! memory.

/// Clock ticks per second of `/proc/<pid>/stat` times (`USER_HZ`), 100 on
/// every Linux architecture dyad builds for.
const TICKS_PER_SECOND: f64 = 100.0;

/// User plus system CPU time of the whole process so far, in seconds
/// (fields 14 and 15 of `/proc/self/stat`; threads that have ended count).
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    cpu_ticks(&stat).map(|t| t as f64 / TICKS_PER_SECOND)
}

/// utime + stime of a `/proc/<pid>/stat` line. The command name (field 2)
/// is in parentheses and may hold spaces, so fields are counted after its
/// closing parenthesis, where field 3 starts.
fn cpu_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(14 - 3);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// The peak resident set size of the process so far, in KiB (`VmHWM` of
/// `/proc/self/status`).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    vm_hwm(&status)
}

fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line["VmHWM:".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_ticks_count_fields_after_a_command_name_with_spaces_and_parentheses() {
        let stat = "4242 (my (odd) prog) R 1 4242 4242 0 -1 4194304 120 0 0 0 \
                    250 17 0 0 20 0 3 0 100 1000 50";
        assert_eq!(cpu_ticks(stat), Some(267));
        assert_eq!(cpu_ticks("12 (x) R 1"), None);
        assert_eq!(cpu_ticks("garbage"), None);
    }

    #[test]
    fn vm_hwm_is_read_in_kib() {
        let status = "Name:\tdyad\nVmPeak:\t  900 kB\nVmHWM:\t   81234 kB\nVmRSS:\t 5000 kB\n";
        assert_eq!(vm_hwm(status), Some(81234));
        assert_eq!(vm_hwm("Name:\tdyad\n"), None);
    }

    #[test]
    fn this_process_has_used_time_and_memory() {
        if std::path::Path::new("/proc/self/stat").exists() {
            assert!(cpu_seconds().is_some());
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }
}
