#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The index's cache folder is a door like any other (issue 19): a link or a foreign file where the
/// database belongs, a folder of another user or one others can write is never used nor changed;
/// the journal's files answer instead (the same output as `DEBRIEF_INDEX=off`) and `doctor` names
/// it. Databases of journals that no longer exist leave the cache; nothing else in it is touched.
@Suite struct IndexCacheSafetyTests {
    static func cache(_ debrief: BinaryRunner) -> String { debrief.home + "/.cache/debrief" }

    /// A journal with a few entries, indexed once; the database's path.
    static func indexed(_ debrief: BinaryRunner) throws -> String {
        try debrief.add("title: Coffee with Ana\ndate: 2026-11-20 10:00\npeople: [Ana Li]\ntags: [t5]\n")
        try debrief.add("title: Meetup\ndate: 2026-11-21 18:00\nkind: meetup\npeople: [Zoë Brandt]\n")
        #expect(try debrief.run(["list"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache(debrief)).filter { $0.hasSuffix(".sqlite") }
        try #require(names.count == 1)
        return cache(debrief) + "/" + names[0]
    }

    static func sameAsWithoutIndex(_ debrief: BinaryRunner, _ comment: String) throws {
        for command in [["list"], ["list", "--tag", "t5"], ["people"], ["list", "--search", "coffee"]] {
            let indexed = try debrief.run(command)
            let files = try debrief.run(command, env: ["DEBRIEF_INDEX": "off"])
            #expect(indexed.status == 0 && indexed.stdout == files.stdout && indexed.stderr == files.stderr, "\(comment): \(command)")
        }
    }

    static func doctorNames(_ debrief: BinaryRunner, _ path: String, _ words: String, _ comment: String) throws {
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.status == 1, "\(comment): doctor exits 1")
        #expect(doctor.stdout.contains(path) && doctor.stdout.contains(words), "\(comment): \(doctor.stdout)")
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o7777
    }

    /// The audit: a link from the database's name to another program's SQLite file, a link to
    /// nothing, a link to a text file; and links in place of `-wal`, `-shm`, `-journal`.
    @Test(arguments: ["", "-wal", "-shm", "-journal"])
    func aLinkInTheCacheIsNeverWrittenThrough(_ suffix: String) throws {
        let debrief = try BinaryRunner()
        let database = try Self.indexed(debrief)
        let victim = database + suffix
        // Another program's database (a real SQLite file: the index of another journal, made by
        // debrief in another cache folder), a text file 0644, and a name that does not exist yet.
        let otherJournal = debrief.root + "/other-journal"
        #expect(try debrief.run(["add", "--title", "Other", "--journal", otherJournal]).status == 0)
        #expect(try debrief.run(["list", "--journal", otherJournal], env: ["XDG_CACHE_HOME": debrief.root + "/app-cache"]).status == 0)
        let made = try FileManager.default.contentsOfDirectory(atPath: debrief.root + "/app-cache/debrief").filter { $0.hasSuffix(".sqlite") }
        let app = debrief.home + "/app.sqlite"
        try FileManager.default.copyItem(atPath: debrief.root + "/app-cache/debrief/" + made[0], toPath: app)
        let notes = try debrief.write("my notes\n", to: debrief.home + "/notes.txt")
        chmod(notes, 0o644)
        let nowhere = debrief.home + "/nowhere.sqlite"
        for (target, label) in [(app, "another database"), (notes, "a text file"), (nowhere, "nothing")] {
            for file in [database, database + "-wal", database + "-shm", database + "-journal"] { unlink(file) }
            // The other files as a previous run left them; only `suffix` is a link.
            if suffix != "" { #expect(try debrief.run(["list"]).status == 0) }
            unlink(victim)
            #expect(symlink(target, victim) == 0)
            let before = (Self.bytes(app), Self.bytes(notes), Self.mode(notes))
            try debrief.add("title: Secret \(label) \(suffix)\ndate: 2026-11-22 09:00\n")
            try Self.sameAsWithoutIndex(debrief, "\(label) at \(suffix)")
            #expect(Self.bytes(app) == before.0, "\(label) at \(suffix): the other database is unchanged")
            #expect(Self.bytes(notes) == before.1 && Self.mode(notes) == before.2, "\(label) at \(suffix): the text file keeps its bytes and mode 0644")
            #expect(!FileManager.default.fileExists(atPath: nowhere), "\(label) at \(suffix): nothing is created through a dangling link")
            var st = stat()
            #expect(lstat(victim, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK, "\(label) at \(suffix): the link is left as it is")
            try Self.doctorNames(debrief, victim, "symbolic link", "\(label) at \(suffix)")
        }
    }

    /// A database with a second name (a hard link) is not written: the other name would change too.
    @Test func aHardLinkedDatabaseIsNotWritten() throws {
        let debrief = try BinaryRunner()
        let database = try Self.indexed(debrief)
        let other = debrief.home + "/copy.sqlite"
        #expect(link(database, other) == 0)
        let before = Self.bytes(other)
        try debrief.add("title: Later\ndate: 2026-11-23 09:00\n")
        try Self.sameAsWithoutIndex(debrief, "hard link")
        #expect(Self.bytes(other) == before, "the other name's content is unchanged")
        try Self.doctorNames(debrief, database, "hard links", "hard link")
    }

    /// A cache folder of another user, one others can write, or a link: not used, not changed.
    @Test(arguments: ["another user", "writable by others", "writable by its group", "a link"])
    func aCacheFolderThatIsNotPrivateIsNotUsed(_ kind: String) throws {
        let debrief = try BinaryRunner()
        let cache = Self.cache(debrief)
        let elsewhere = debrief.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: debrief.home + "/.cache", withIntermediateDirectories: true)
        switch kind {
        case "a link":
            #expect(symlink(elsewhere, cache) == 0)
        default:
            try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
            switch kind {
            case "another user": chmod(cache, 0o700); _ = chown(cache, 54_321, 54_321)
            case "writable by others": chmod(cache, 0o777)
            default: chmod(cache, 0o770)
            }
        }
        if kind == "another user", geteuid() != 0 { return }  // only root can give a folder away
        let used = kind == "a link" ? elsewhere : cache
        let modeBefore = Self.mode(used)
        try debrief.add("title: Coffee with Ana\ndate: 2026-11-20 10:00\npeople: [Ana Li]\ntags: [t5]\n")
        try Self.sameAsWithoutIndex(debrief, kind)
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: used)) ?? []
        #expect(inside.isEmpty, "\(kind): nothing was written in it: \(inside)")
        #expect(Self.mode(used) == modeBefore, "\(kind): its mode is unchanged")
        try Self.doctorNames(debrief, cache, kind == "a link" ? "symbolic link" : kind == "another user" ? "another user" : "writable", kind)
        if kind == "writable by others" {
            // Made private again, it is used.
            chmod(cache, 0o700)
            #expect(try debrief.run(["list"]).status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: cache).contains { $0.hasSuffix(".sqlite") })
            #expect(try debrief.run(["doctor"]).status == 0)
        }
    }

    /// The audit's NUL: `import jrnl` of a note with NULs, then `--search` for the words after one.
    @Test func searchAfterANULAnswersAsTheFiles() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write("[2026-11-01 10:00] Nul\0title. body\0more\n\n[2026-11-02 11:00] Plain. nothing here\n", to: "nul.txt")
        let imported = try debrief.run(["import", "jrnl", file])
        try #require(imported.status == 0, "\(imported.stderr)")
        for query in ["more", "body", "title", "nul", "here", "e", "mo"] {
            let indexed = try debrief.run(["list", "--search", query])
            let files = try debrief.run(["list", "--search", query], env: ["DEBRIEF_INDEX": "off"])
            #expect(indexed.stdout == files.stdout, "--search \(query)")
        }
        #expect(try debrief.run(["list", "--search", "more"]).stdout.contains("Nul"))
    }

    /// A journal moved or deleted: its index goes from the cache once 30 days unused (at once with
    /// `doctor`); foreign files, links and look-alike names in the cache stay.
    @Test func indexesOfJournalsThatNoLongerExistLeaveTheCache() throws {
        let debrief = try BinaryRunner()
        let database = try Self.indexed(debrief)
        let cache = Self.cache(debrief)
        func index(of journal: String) throws -> Set<String> {
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: cache))
            #expect(try debrief.run(["add", "--title", "Old note", "--journal", journal]).status == 0)
            #expect(try debrief.run(["list", "--journal", journal]).status == 0)
            return Set(try FileManager.default.contentsOfDirectory(atPath: cache)).subtracting(before)
        }
        let gone = try index(of: debrief.root + "/gone")
        let moved = try index(of: debrief.root + "/moved")
        let recent = try index(of: debrief.root + "/recent")
        #expect(gone.contains { $0.hasSuffix(".sqlite") } && moved.contains { $0.hasSuffix(".sqlite") })
        // Foreign things that look alike, all old.
        let foreign = ["journal-0123456789abcdef.sqlite", "journal-0123456789ABCDEF.sqlite", "journal-1.sqlite", "notes.txt",
                       "journal-fedcba9876543210.sqlite-wal"]
        for name in foreign { try debrief.write("not debrief's\n", to: cache + "/" + name) }
        #expect(symlink(debrief.home + "/app.sqlite", cache + "/journal-00000000000000ff.sqlite") == 0)
        try FileManager.default.removeItem(atPath: debrief.root + "/gone")
        try FileManager.default.moveItem(atPath: debrief.root + "/moved", toPath: debrief.root + "/moved-away")
        try FileManager.default.removeItem(atPath: debrief.root + "/recent")
        let old = Date().addingTimeInterval(-31 * 86_400).timeIntervalSince1970
        var times = [timespec(tv_sec: Int(old), tv_nsec: 0), timespec(tv_sec: Int(old), tv_nsec: 0)]
        for name in gone.union(moved).union(foreign) { utimensat(AT_FDCWD, cache + "/" + name, &times, 0) }
        #expect(try debrief.run(["list"]).status == 0)
        var left = Set(try FileManager.default.contentsOfDirectory(atPath: cache))
        #expect(left.isDisjoint(with: gone) && left.isDisjoint(with: moved), "the indexes of journals gone 30 days are removed: \(left)")
        #expect(recent.isSubset(of: left), "a journal gone for less than 30 days keeps its index")
        #expect(Set(foreign).isSubset(of: left) && left.contains("journal-00000000000000ff.sqlite"), "foreign files stay")
        #expect(left.contains((database as NSString).lastPathComponent), "the journal in use keeps its index")
        // doctor removes the rest at once, and says so.
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.stderr.contains(debrief.root + "/recent"), "\(doctor.stderr)")
        left = Set(try FileManager.default.contentsOfDirectory(atPath: cache))
        #expect(left.isDisjoint(with: recent))
        #expect(Set(foreign).isSubset(of: left) && left.contains("journal-00000000000000ff.sqlite"))
        #expect(try debrief.run(["list"], env: ["DEBRIEF_JOURNAL": debrief.root + "/moved-away"]).stdout.contains("Old note"))
    }
}
