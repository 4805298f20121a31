//! Maps keyed by pid, with a hash made for pids.
//!
//! The loop looks its tracee up by pid at every stop, and the renderer its half-printed line:
//! with std's default hash (SipHash, built to resist keys chosen against it) hashing took 16%
//! of the tracer's instructions over 20 processes running /bin/true (callgrind). Pids are
//! the kernel's numbers, small and mostly consecutive: multiplied by an odd constant they
//! spread over the table's buckets (the multiplication is one-to-one on the low bits that pick
//! a bucket, and mixes the high bits the table keeps as tags). A tracee that arranged many
//! pids one table-size apart could only make lookups slower, never wrong.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// A `HashMap` from pid to `V`.
pub type PidMap<V> = HashMap<i32, V, BuildPidHasher>;

/// Builds [`PidHasher`]s.
#[derive(Debug, Default, Clone, Copy)]
pub struct BuildPidHasher;

impl BuildHasher for BuildPidHasher {
    type Hasher = PidHasher;

    fn build_hasher(&self) -> PidHasher {
        PidHasher(0)
    }
}

/// 2^64 divided by the golden ratio, made odd: Knuth's multiplicative hashing.
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

/// The hash of one pid (any other key is hashed a byte at a time).
#[derive(Debug)]
pub struct PidHasher(u64);

impl Hasher for PidHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(SPREAD);
        }
    }

    fn write_i32(&mut self, pid: i32) {
        self.0 = (self.0 ^ u64::from(pid as u32)).wrapping_mul(SPREAD);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_pids_fill_distinct_buckets() {
        // The low bits pick the bucket: 1024 consecutive pids land in 1024 distinct ones of a
        // 1024-bucket table, wherever the run starts.
        for start in [1, 4000, 4_194_000] {
            let mut buckets: Vec<u64> = (start..start + 1024)
                .map(|pid| BuildPidHasher.hash_one(pid) & 1023)
                .collect();
            buckets.sort_unstable();
            buckets.dedup();
            assert_eq!(buckets.len(), 1024, "from {start}");
        }
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut map: PidMap<i32> = PidMap::default();
        for pid in (1..5000).step_by(7) {
            map.insert(pid, -pid);
        }
        for pid in 1..5000 {
            assert_eq!(
                map.get(&pid).copied(),
                (pid % 7 == 1).then_some(-pid),
                "{pid}"
            );
        }
    }
}
