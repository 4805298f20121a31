//! What the two fuzzers share (src/decode/fuzz.rs and tests/spec_fuzz.rs include this file):
//! their random numbers (splitmix64, seeded per iteration so that any iteration can be
//! replayed alone), the reading of their `FUZZ_*` settings, and running a case so that its
//! panic becomes a report.

/// splitmix64: small, fast, and good enough to drive a fuzzer.
pub struct Rng(u64);

impl Rng {
    pub fn for_iteration(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed);
        let a = r.next();
        Rng(a ^ index.wrapping_mul(0xd6e8_feb8_6659_fd93))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }
}

/// A `FUZZ_*` setting: decimal or `0x` hex; a malformed one stops the run.
pub fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    let parsed = match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => v.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={v} is not a number")))
}

thread_local! {
    /// Set while a fuzz case runs on this thread: its panics are recorded, not printed.
    static FUZZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The message and place of the last panic of a fuzz case.
    static PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Wraps the panic hook once: panics of fuzz cases are recorded with their place for the
/// report; other threads' panics go to the hook as before.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if FUZZING.with(std::cell::Cell::get) {
                PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f` as part of a fuzz case: its panic, if any, as a message with its place.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_panic_hook();
    FUZZING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    FUZZING.with(|c| c.set(false));
    result.map_err(|_| PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default())
}
