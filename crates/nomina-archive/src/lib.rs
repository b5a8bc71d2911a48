//! Documents inside archives (being written).
