// The libFuzzer driver of every reader of outside input. Built two ways:
//
// - as a fuzzer: `scripts/fuzz TARGET [SECONDS]` builds with `-sanitize=fuzzer,address -DFUZZING`;
//   libFuzzer supplies `main` and calls `LLVMFuzzerTestOneInput` with mutated inputs, and the
//   target is named by `INVOICERUN_FUZZ_TARGET` (libFuzzer owns the arguments);
// - as a plain executable (any `swift build`): `fuzz TARGET FILE...` replays files, e.g. a crasher.

import Foundation
import Importers

#if FUZZING
    /// libFuzzer's entry for programs that own `main` (SwiftPM links executables with `main`
    /// defined as `fuzz_main`, so libFuzzer's own `main` is never linked in).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @_cdecl("fuzz_main")
    func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in
            guard let data else { return 0 }
            fuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
    }

    let fuzzTarget: FuzzEntryPoint = {
        let name = ProcessInfo.processInfo.environment["INVOICERUN_FUZZ_TARGET"] ?? ""
        guard let target = FuzzEntryPoint(rawValue: name) else {
            let names = FuzzEntryPoint.allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("set INVOICERUN_FUZZ_TARGET to one of: \(names)")
        }
        return target
    }()
#else
    /// Replays files through one fuzz target: `fuzz TARGET FILE...`.
    @main
    enum FuzzReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzEntryPoint(rawValue: name) else {
                let names = FuzzEntryPoint.allCases.map(\.rawValue).joined(separator: ", ")
                FileHandle.standardError.write(Data("usage: fuzz TARGET FILE... (targets: \(names))\n".utf8))
                exit(64)
            }
            for file in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(file): cannot read\n".utf8))
                    exit(66)
                }
                target.run(Array(data))
                print("\(file): ok")
            }
        }
    }
#endif
