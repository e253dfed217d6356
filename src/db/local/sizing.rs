//! How much memory the local cluster takes, from the machine's: written once at initdb, as a
//! database server installed by hand would be tuned for its host.

/// The machine's memory in bytes, from /proc/meminfo; `None` where there is none (not Linux).
pub fn machine_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

const MIB: u64 = 1024 * 1024;

/// postgresql.conf lines for a machine of `memory` bytes, after PostgreSQL's own tuning
/// advice: a quarter for shared buffers (the reports read millions of rows; capped where
/// more stops helping), three quarters as the planner's guess of the OS cache, a twentieth
/// (at most 1 GiB) for index builds and VACUUM, and sorts sized so that a busy pool still fits.
pub fn settings(memory: u64) -> String {
    let mib = |bytes: u64| format!("{}MB", bytes / MIB);
    let shared_buffers = (memory / 4).clamp(128 * MIB, 8 * 1024 * MIB);
    let cache = (memory * 3 / 4).max(shared_buffers);
    let maintenance = (memory / 20).clamp(64 * MIB, 1024 * MIB);
    // max_connections is 200; a sort or hash may take this much each, a few per query.
    let work_mem = (memory / 4 / 200 / 2).clamp(4 * MIB, 64 * MIB);
    format!(
        "shared_buffers = {}\neffective_cache_size = {}\nmaintenance_work_mem = {}\nwork_mem = {}",
        mib(shared_buffers),
        mib(cache),
        mib(maintenance),
        mib(work_mem)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_24_gib_machine_gives_a_quarter_to_shared_buffers() {
        let lines = settings(24 * 1024 * MIB);
        assert!(lines.contains("shared_buffers = 6144MB"), "{lines}");
        assert!(lines.contains("effective_cache_size = 18432MB"), "{lines}");
        assert!(lines.contains("maintenance_work_mem = 1024MB"), "{lines}");
        assert!(lines.contains("work_mem = 15MB"), "{lines}");
    }

    #[test]
    fn small_and_huge_machines_stay_within_sensible_bounds() {
        let small = settings(512 * MIB);
        assert!(small.contains("shared_buffers = 128MB"), "{small}");
        assert!(small.contains("work_mem = 4MB"), "{small}");
        let huge = settings(1024 * 1024 * MIB);
        assert!(huge.contains("shared_buffers = 8192MB"), "{huge}");
        assert!(huge.contains("work_mem = 64MB"), "{huge}");
    }

    #[test]
    fn this_machine_reports_its_memory() {
        if cfg!(target_os = "linux") {
            assert!(machine_memory().is_some_and(|m| m > 64 * MIB));
        }
    }
}
