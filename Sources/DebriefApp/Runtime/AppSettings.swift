import DebriefCore

/// Choices a screen makes that later screens of the same run start from: the app's model, held
/// by the runtime and handed to the ``ScreenFactory`` for every screen it builds. A change comes
/// as ``Command/remember(_:then:)``, which also writes it to debrief's state file for the next
/// run; within a run the file is never read back.
public struct AppSettings: Equatable, Sendable {
    /// Days without a mention after which someone you know is cold (the people screen's `+`/`-`).
    public var coldDays: Int
    /// The flow the reflection preselects at its start: `full` or a catalog flow such as `quick`.
    public var reflectionFlow: String?

    public init(coldDays: Int = PeopleIndex.defaultColdDays, reflectionFlow: String? = nil) {
        self.coldDays = coldDays
        self.reflectionFlow = reflectionFlow
    }

    /// The settings with `change` applied.
    public mutating func apply(_ change: SettingChange) {
        switch change {
        case .coldDays(let days): coldDays = days
        case .reflectionFlow(let flow): reflectionFlow = flow
        }
    }
}

/// One setting a screen chose.
public enum SettingChange: Equatable, Sendable {
    case coldDays(Int)
    case reflectionFlow(String)
}

/// Where remembered settings go: the executable writes debrief's state file (read, changed and
/// written under its lock, ``DebriefState/update(at:_:)``); tests write a temporary one.
public struct SettingsStore: Sendable {
    /// Writes `change`; nil when it was written, else why not, in words for the status line.
    public var save: @Sendable (SettingChange) -> String?

    public init(save: @escaping @Sendable (SettingChange) -> String?) {
        self.save = save
    }

    /// The state file at `path`: each change is a locked read, change and atomic write of it.
    public static func stateFile(_ path: String) -> SettingsStore {
        SettingsStore { change in
            do throws(StoreError) {
                try DebriefState.update(at: path) { state in
                    switch change {
                    case .coldDays(let days): state.coldDays = days
                    case .reflectionFlow(let flow): state.reflectionFlow = flow
                    }
                }
                return nil
            } catch {
                return error.description
            }
        }
    }
}
