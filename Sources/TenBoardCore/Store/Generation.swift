/// The generation of a store file that is never changed in place (an archive segment, the
/// settled file): a new one gets a number no file of its kind has, named or on disk.
enum Generation {
    /// The number after the largest of `used`; when there is none after it (`largest`, the
    /// largest a name may carry, is used: a file planted with it), the smallest number from 1
    /// that is not used. Never a name the store would not read back, never an overflow.
    static func next(after used: [Int], largest: Int) -> Int {
        guard let top = used.max() else { return 1 }
        if top < largest { return top + 1 }
        let taken = Set(used)
        var number = 1
        while taken.contains(number) { number += 1 }
        return number
    }
}
