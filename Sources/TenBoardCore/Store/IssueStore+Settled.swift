import Foundation

/// The settled file (`SettledFile`): which closed issues it holds, when a change must read it,
/// and its generations.
extension IssueStore {
    /// The closed issues that belong in the settled file rather than the hot file: helped or
    /// withdrawn before today, of a morning before today (`isArchivable` with today as the
    /// horizon; the real today, so that a change dated earlier does not move them back).
    func settlingTest() -> (Issue) -> Bool {
        archivableTest(horizon: schedule.localDate(of: clock()))
    }

    /// Whether a change made on the hot file's issues alone (`StoreState.isHotOnly`) must read
    /// the settled file before the archive step: the horizon moved past the one the settled
    /// file's issues were last checked at (some may be due for the archive now), an issue of the
    /// hot file is due for the archive (the streak over the mornings it leaves is counted with
    /// every issue of them), or one is due for the settled file.
    func needsSettled(_ state: StoreState, now: Date) -> Bool {
        guard let ref = state.settled else { return false }
        let horizon = archiveHorizon(now: now)
        guard horizon <= ref.horizon, !state.issues.contains(where: archivableTest(horizon: horizon)) else { return true }
        return state.issues.contains(where: settlingTest())
    }

    /// Puts the closed issues of mornings before today that the archive step left (`state` holds
    /// every issue: hot and settled) into the settled file: a new generation when they are not
    /// the ones it holds, none when there are none. Runs after the archive step of every change
    /// that read the settled file.
    func settle(_ state: inout StoreState, now: Date) throws {
        precondition(!state.isHotOnly)
        let settling = state.issues.filter(settlingTest())
        let horizon = archiveHorizon(now: now)
        guard !settling.isEmpty else {
            state.settled = nil
            state.settledIssues = nil
            return
        }
        if let ref = state.settled, state.settledIssues == settling {
            // None was due for the archive at either horizon: none is until the later one.
            if horizon > ref.horizon { state.settled?.horizon = horizon }
            return
        }
        let file = try writeSettled(settling, replacing: state.settled?.file)
        state.settled = SettledFile.Reference(file: file, horizon: horizon)
        state.settledIssues = settling
    }

    /// Writes `issues` as a new generation of the settled file (`fsync`ed, with its directory,
    /// before the hot file names it); a name no file has (`Generation.next`), so a file the hot
    /// file names is never overwritten.
    private func writeSettled(_ issues: [Issue], replacing current: String?) throws -> String {
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let used = ([current].compactMap { $0 } + onDisk).compactMap(SettledFile.generation(of:))
        let generation = Generation.next(after: used, largest: SettledFile.largestGeneration)
        let file = SettledFile.name(generation: generation)
        let url = settledURL(file)
        try AtomicFile.write(ArchiveSegment.encode(issues), to: url)
        if let stamp = FileStamp.of(url.path) {
            lastSettled.withLock { $0 = SettledCache(file: file, stamp: stamp, issues: issues) }
        }
        return file
    }

    /// Deletes settled files that neither `state` (just written) nor `alsoKeeping` (the one of
    /// issues.json.bak) names: replaced generations, and one a writer killed before its hot file
    /// left behind. Only under the lock, and only when the one `state` names is there.
    func removeUnnamedSettled(_ state: StoreState, alsoKeeping: String?) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let settled = names.filter(SettledFile.isValidName)
        if let file = state.settled?.file, !settled.contains(file) { return }
        for name in settled where name != state.settled?.file && name != alsoKeeping {
            FileSystemCalls.remove(settledURL(name).path)
        }
    }
}
