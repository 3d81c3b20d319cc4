/// Sebastiano Vigna's SplitMix64: a tiny seeded generator, so a failing property names its seed and
/// replays exactly, on any platform and any version of the standard library.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the modulo bias is irrelevant for test data and keeps the sequence
    /// independent of the standard library's `random(in:using:)` algorithm.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True in `percent` of the draws.
    mutating func chance(_ percent: Int) -> Bool {
        int(0...99) < percent
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[int(0...(values.count - 1))]
    }

    /// A positive decimal with up to `integerDigits` integer digits and up to `maxScale` decimals,
    /// at most 18 digits in all so that it fits `Int64`.
    mutating func decimal(integerDigits: Int, maxScale: Int) -> (significand: Int64, scale: Int) {
        let scale = int(0...maxScale)
        var limit: Int64 = 1
        for _ in 0..<min(integerDigits + scale, 18) { limit *= 10 }
        return (Int64(int(1...Int(limit - 1))), scale)
    }
}
