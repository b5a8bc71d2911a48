//! Records as a compact tape the worker threads write and the Python thread
//! walks into dicts, lists, strings and numbers.
//!
//! `json.loads` of every record line on the Python thread cost more than
//! converting the record did: it parses text back, character by character,
//! into what the workers already held. The workers write the record
//! instead as a tape (serde, as the JSON line is written: the same fields,
//! in the same order, the same skipped ones), whose strings are copied
//! without escaping, and the Python thread only makes the objects, taking
//! the keys (the same few dozen in every record) from a cache.
//!
//! The objects are those `json.loads` makes of the command's line: what
//! serde_json writes as a JSON number, string, `null` or `true`/`false`
//! comes out as the `int`, `float`, `str`, `None` or `bool` JSON gives back,
//! map keys as strings.
//!
//! The tape: one tag byte a value, then
//! - [`INT`] / [`UINT`] / [`FLOAT`]: 8 bytes, little-endian;
//! - [`STR`] and [`BIG`] (an integer past 64 bits, in decimal): a `u32`
//!   length and the UTF-8 bytes;
//! - [`ARRAY`]: a `u32` count and the items;
//! - [`MAP`]: a `u32` count and the entries, each a key (`u32` length and
//!   its bytes, no tag) and a value.

use std::collections::HashMap;
use std::fmt::Display;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;
use serde::ser::{self, Impossible};

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const UINT: u8 = 4;
const FLOAT: u8 = 5;
const STR: u8 = 6;
const ARRAY: u8 = 7;
const MAP: u8 = 8;
const BIG: u8 = 9;

/// A record's tape, as nomina-batch's encoder (in place of its JSON line).
pub fn encode_record(record: &nomina::Record) -> Result<Vec<u8>, String> {
    // Strings are copied as they are: the document's size and some room
    // for the fields' names hold the tape of most records without regrowing.
    let capacity = usize::try_from(record.source.bytes).unwrap_or(0).saturating_add(4096);
    let mut tape = Tape { out: Vec::with_capacity(capacity) };
    record.serialize(&mut tape).map_err(|e| e.0)?;
    Ok(tape.out)
}

/// The tape of any serializable value.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    let mut tape = Tape { out: Vec::new() };
    value.serialize(&mut tape).map_err(|e| e.0)?;
    Ok(tape.out)
}

/// Why a value has no tape: what serde_json would refuse too (a map key
/// that is no string or number), or a string past 4 GiB.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

struct Tape {
    out: Vec<u8>,
}

fn length(n: usize) -> Result<[u8; 4], Error> {
    u32::try_from(n).map(u32::to_le_bytes).map_err(|_| Error(format!("{n} items or bytes are too many for a tape")))
}

impl Tape {
    fn bytes(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.extend_from_slice(&length(bytes.len())?);
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    fn str(&mut self, s: &str) -> Result<(), Error> {
        self.out.push(STR);
        self.bytes(s.as_bytes())
    }

    /// Opens an array or a map whose count is written when it closes.
    fn open(&mut self, tag: u8) -> Compound<'_> {
        self.out.push(tag);
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        Compound { tape: self, at, count: 0 }
    }

    /// `{variant: ...}`, as serde_json writes a variant with content: the
    /// map's count is one, its key the variant's name.
    fn variant(&mut self, variant: &str) -> Result<(), Error> {
        self.out.push(MAP);
        self.out.extend_from_slice(&1u32.to_le_bytes());
        self.bytes(variant.as_bytes())
    }

    fn float(&mut self, v: f64) {
        // serde_json writes a NaN or an infinity as `null`.
        if v.is_finite() {
            self.out.push(FLOAT);
            self.out.extend_from_slice(&v.to_le_bytes());
        } else {
            self.out.push(NULL);
        }
    }
}

/// An array or a map being written.
struct Compound<'a> {
    tape: &'a mut Tape,
    /// Where its count goes.
    at: usize,
    count: usize,
}

impl Compound<'_> {
    fn close(self) -> Result<(), Error> {
        let count = length(self.count)?;
        self.tape.out[self.at..self.at + 4].copy_from_slice(&count);
        Ok(())
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn key(&mut self, key: &str) -> Result<(), Error> {
        self.count += 1;
        self.tape.bytes(key.as_bytes())
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.out.push(INT);
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => {
                self.out.push(BIG);
                self.bytes(v.to_string().as_bytes())
            }
        }
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.out.push(UINT);
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.serialize_u64(v),
            Err(_) => {
                self.out.push(BIG);
                self.bytes(v.to_string().as_bytes())
            }
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // serde_json writes an f32 in its shortest decimal form, which JSON
        // reads back as the f64 nearest that decimal, not the f32's value.
        let v = if v.is_finite() { v.to_string().parse::<f64>().unwrap_or(f64::from(v)) } else { f64::NAN };
        self.float(v);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // serde_json writes bytes as an array of numbers.
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.item(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        // The variant's map has its one entry: only the array is closed.
        self.variant(variant)?;
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(MAP))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(MAP))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant)?;
        Ok(self.open(MAP))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let key = key.serialize(KeySerializer)?;
        self.key(&key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key)?;
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key)?;
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A map key as serde_json writes it: a string, a number or a boolean as
/// its text, a unit variant as its name; anything else is refused.
struct KeySerializer;

fn no_key() -> Error {
    Error("key must be a string".into())
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Error> {
        Err(no_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(no_key())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(no_key())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(no_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(no_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(no_key())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(no_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(no_key())
    }
}

/// The keys met so far, as interned Python strings: every record has the
/// same keys, made once. Records of a run mostly have their keys in the same
/// sequence, so each key is first compared with the one met at its place in
/// the last record, and looked up only when it differs.
#[derive(Default)]
pub struct Keys {
    known: HashMap<Box<[u8]>, Py<PyString>>,
    /// The keys of the last record, in the order met.
    sequence: Vec<(Box<[u8]>, Py<PyString>)>,
    /// The place of the next key in `sequence`.
    at: usize,
}

impl Keys {
    fn get<'py>(&mut self, py: Python<'py>, key: &[u8]) -> PyResult<Bound<'py, PyString>> {
        let at = self.at;
        self.at += 1;
        if let Some((bytes, object)) = self.sequence.get(at)
            && **bytes == *key
        {
            return Ok(object.bind(py).clone());
        }
        let object = match self.known.get(key) {
            Some(object) => object.bind(py).clone(),
            None => {
                let object = PyString::intern(py, std::str::from_utf8(key).map_err(|_| broken())?);
                self.known.insert(key.into(), object.clone().unbind());
                object
            }
        };
        let entry = (Box::<[u8]>::from(key), object.clone().unbind());
        match self.sequence.get_mut(at) {
            Some(place) => *place = entry,
            None => self.sequence.push(entry),
        }
        Ok(object)
    }
}

/// A tape that ends early or holds what no writer above writes: a bug.
fn broken() -> PyErr {
    PyRuntimeError::new_err("nomina: a record's tape is broken (a bug)")
}

struct Reader<'t> {
    rest: &'t [u8],
}

impl<'t> Reader<'t> {
    fn take(&mut self, n: usize) -> PyResult<&'t [u8]> {
        if self.rest.len() < n {
            return Err(broken());
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn u32(&mut self) -> PyResult<usize> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn eight(&mut self) -> PyResult<[u8; 8]> {
        let b = self.take(8)?;
        Ok([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    }

    fn bytes(&mut self) -> PyResult<&'t [u8]> {
        let n = self.u32()?;
        self.take(n)
    }

    fn str(&mut self) -> PyResult<&'t str> {
        std::str::from_utf8(self.bytes()?).map_err(|_| broken())
    }

    fn value<'py>(&mut self, py: Python<'py>, keys: &mut Keys) -> PyResult<Bound<'py, PyAny>> {
        let tag = self.take(1)?[0];
        Ok(match tag {
            NULL => py.None().into_bound(py),
            FALSE => false.into_pyobject(py)?.to_owned().into_any(),
            TRUE => true.into_pyobject(py)?.to_owned().into_any(),
            INT => i64::from_le_bytes(self.eight()?).into_pyobject(py)?.into_any(),
            UINT => u64::from_le_bytes(self.eight()?).into_pyobject(py)?.into_any(),
            FLOAT => f64::from_le_bytes(self.eight()?).into_pyobject(py)?.into_any(),
            // Python checks the UTF-8 as it decodes it.
            STR => PyString::from_bytes(py, self.bytes()?).map_err(|_| broken())?.into_any(),
            BIG => py.get_type::<pyo3::types::PyInt>().call1((self.str()?,))?,
            ARRAY => {
                let n = self.u32()?;
                let mut items = Vec::with_capacity(n.min(self.rest.len()));
                for _ in 0..n {
                    items.push(self.value(py, keys)?);
                }
                PyList::new(py, items)?.into_any()
            }
            MAP => {
                let n = self.u32()?;
                let dict = PyDict::new(py);
                for _ in 0..n {
                    let key = keys.get(py, self.bytes()?)?;
                    dict.set_item(key, self.value(py, keys)?)?;
                }
                dict.into_any()
            }
            _ => return Err(broken()),
        })
    }
}

/// The Python objects of a tape: those `json.loads` makes of the same
/// value's JSON.
pub fn to_python<'py>(py: Python<'py>, tape: &[u8], keys: &mut Keys) -> PyResult<Bound<'py, PyAny>> {
    let mut reader = Reader { rest: tape };
    keys.at = 0;
    let value = reader.value(py, keys)?;
    if !reader.rest.is_empty() {
        return Err(broken());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::{Value, json};

    use super::*;

    /// The value a tape holds, as serde_json's (what JSON would read back).
    fn decode(tape: &mut &[u8]) -> Value {
        fn take<'t>(tape: &mut &'t [u8], n: usize) -> &'t [u8] {
            let (head, rest) = tape.split_at(n);
            *tape = rest;
            head
        }
        fn len(tape: &mut &[u8]) -> usize {
            u32::from_le_bytes(take(tape, 4).try_into().unwrap()) as usize
        }
        fn text(tape: &mut &[u8]) -> String {
            let n = len(tape);
            String::from_utf8(take(tape, n).to_vec()).unwrap()
        }
        let eight = |tape: &mut &[u8]| -> [u8; 8] { take(tape, 8).try_into().unwrap() };
        match take(tape, 1)[0] {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => json!(i64::from_le_bytes(eight(tape))),
            UINT => json!(u64::from_le_bytes(eight(tape))),
            FLOAT => json!(f64::from_le_bytes(eight(tape))),
            STR => Value::String(text(tape)),
            BIG => Value::String(format!("big {}", text(tape))),
            ARRAY => (0..len(tape)).map(|_| decode(tape)).collect(),
            MAP => {
                let mut map = serde_json::Map::new();
                for _ in 0..len(tape) {
                    let key = text(tape);
                    map.insert(key, decode(tape));
                }
                Value::Object(map)
            }
            tag => panic!("tag {tag}"),
        }
    }

    fn round_trip<T: Serialize>(value: &T) -> Value {
        let tape = encode(value).unwrap();
        let mut rest = &tape[..];
        let got = decode(&mut rest);
        assert!(rest.is_empty());
        got
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        New(u8),
        Pair(i32, String),
        Named { side: f32 },
    }

    #[derive(Serialize)]
    struct Sample {
        text: String,
        nothing: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        small: i8,
        large: u64,
        negative: i64,
        ratio: f64,
        third: f32,
        not_a_number: f64,
        letter: char,
        flags: Vec<bool>,
        shapes: Vec<Shape>,
        by_number: BTreeMap<u32, &'static str>,
        bytes: serde_bytes_like::Bytes,
        pair: (u8, &'static str),
        empty: Vec<u8>,
    }

    /// Bytes serialized as bytes (serde's `serialize_bytes`), as serde_bytes does.
    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn a_tape_holds_what_the_json_line_holds() {
        let sample = Sample {
            text: "Zürich, 東京, \"quoted\"\n\u{1F600}".into(),
            nothing: None,
            skipped: None,
            small: -3,
            large: u64::MAX,
            negative: i64::MIN,
            ratio: 0.1,
            third: 1.0 / 3.0,
            not_a_number: f64::NAN,
            letter: 'é',
            flags: vec![true, false],
            shapes: vec![Shape::Unit, Shape::New(7), Shape::Pair(-1, "x".into()), Shape::Named { side: 2.5 }],
            by_number: BTreeMap::from([(2, "two"), (10, "ten")]),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            pair: (1, "one"),
            empty: Vec::new(),
        };
        let json: Value = serde_json::from_str(&serde_json::to_string(&sample).unwrap()).unwrap();
        let tape = round_trip(&sample);
        assert_eq!(tape, json);
        // The f32 as JSON reads its shortest decimal back, not the f32's own value.
        assert_eq!(tape["third"], json!(0.33333334_f64));
        assert!(tape["third"].is_f64() && tape["small"].is_i64() && tape["large"].is_u64());
    }

    #[test]
    fn an_integer_past_64_bits_is_written_in_decimal() {
        assert_eq!(round_trip(&(u128::from(u64::MAX) + 1)), json!("big 18446744073709551616"));
        assert_eq!(round_trip(&i128::from(i64::MIN)), json!(i64::MIN));
    }

    #[test]
    fn a_key_that_is_no_string_nor_number_is_refused_as_json_refuses_it() {
        let map = BTreeMap::from([(vec![1u8], 1u8)]);
        assert!(serde_json::to_string(&map).is_err());
        assert_eq!(encode(&map).unwrap_err(), "key must be a string");
    }
}
