//! Generated test cases: the same ones every run.

/// Pseudo-random numbers from a small linear congruential generator seeded
/// with `seed`.
pub(crate) fn numbers(seed: u64) -> impl FnMut() -> usize {
    let mut state = seed;
    move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    }
}
