// The terminal layer; see the files beside this one.
