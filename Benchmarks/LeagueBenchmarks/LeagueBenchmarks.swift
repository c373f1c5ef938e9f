import Benchmark

/// `swift package benchmark` in `Benchmarks/` runs these: the codec and validation, one match end to end
/// over tcp loopback and over inproc, one round, and leagues of 4, 8, 16 and 32 players.
let benchmarks: @Sendable () -> Void = {
    CodecBenchmarks.register()
    MatchBenchmarks.register()
}
