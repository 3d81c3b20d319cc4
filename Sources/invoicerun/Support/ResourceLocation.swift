import ArgumentParser
import Foundation

/// The folder that holds `Schemas/` and `Templates/`.
struct ResourceLocation {
    let root: String

    var schemas: String { root + "/Schemas" }
    var templates: String { root + "/Templates" }

    /// The explicit folder, else `$INVOICERUN_HOME`, else the nearest folder above the executable
    /// or the working directory that has both `Schemas/` and `Templates/`.
    static func find(explicit: String?) throws -> ResourceLocation {
        let manager = FileManager.default
        func isRoot(_ path: String) -> Bool {
            var folder: ObjCBool = false
            return manager.fileExists(atPath: path + "/Schemas", isDirectory: &folder) && folder.boolValue
                && manager.fileExists(atPath: path + "/Templates", isDirectory: &folder) && folder.boolValue
        }
        if let explicit {
            guard isRoot(explicit) else {
                throw ValidationError("\(explicit) does not contain Schemas/ and Templates/")
            }
            return ResourceLocation(root: explicit)
        }
        if let home = ProcessInfo.processInfo.environment["INVOICERUN_HOME"], isRoot(home) {
            return ResourceLocation(root: home)
        }
        var starts = [manager.currentDirectoryPath]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path {
            starts.insert(executable, at: 0)
        }
        for start in starts {
            var url = URL(fileURLWithPath: start)
            while true {
                if isRoot(url.path) { return ResourceLocation(root: url.path) }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        throw ValidationError(
            "cannot find Schemas/ and Templates/; run from the project folder or pass --resources DIR")
    }
}
