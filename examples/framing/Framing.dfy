// A verified message-framing library.
//
// A plaintext is split into frames of a configured frame length L; the final frame holds the
// remaining 0..L-1 bytes (it is empty when L divides the plaintext length). Frame i (counting
// from 1) carries sequence number i, a final-frame marker, an IV derived from its sequence
// number, its content encrypted with an abstract AEAD, and the AEAD's authentication tag.
//
// Proved here, with the single assumption AEADOpenSealed (decryption inverts encryption):
//   (a) ParseSerializeFrame:      parsing a serialized frame gives back the frame;
//       ParseSerializeFrames:     the same for a whole stream of frames;
//   (b) EncryptDecryptRoundTrip:  decrypting and reassembling Encrypt(plaintext) gives back the
//                                 plaintext, for every plaintext and every frame length;
//       EncryptDecryptRoundTripTotal: and Encrypt succeeds for every plaintext shorter than
//                                 2^32 - 2 bytes if the AEAD adds exactly a 16-byte tag
//                                 (a hypothesis of that lemma, not an axiom);
//       BytesRoundTrip:           the same through the serialized byte stream;
//   (c) SequenceNumbersAndIVs:    sequence numbers are 1, 2, 3, ... (consecutive, unique) and
//                                 the IVs of a message are pairwise distinct;
//   (d) OnlyTheOriginalStreamDecrypts (and its corollaries RejectsTruncated, RejectsDropped,
//       RejectsSwapped, RejectsDuplicated): any stream made of frames of an encrypted message
//       that is not exactly that message's stream is rejected by the decryptor.
//
// Written in Dafny 4 syntax that Dafny 2.3 also accepts after DAFNY4_COMPAT=1's rewriting.
module Framing {

  // ---------------------------------------------------------------------------------------
  // Bytes and 32-bit big-endian numbers
  // ---------------------------------------------------------------------------------------

  type uint8 = x: int | 0 <= x < 256
  type bytes = seq<uint8>
  type uint32 = x: int | 0 <= x < 4294967296

  const UINT32_LIMIT: int := 4294967296
  const IV_LEN: int := 12
  const TAG_LEN: int := 16
  // A 4-byte 0xFFFFFFFF in place of a sequence number marks the final frame.
  const END_MARKER: int := 4294967295
  // The largest sequence number a frame may carry (END_MARKER is reserved).
  const MAX_SEQ: int := 4294967294

  datatype Result<T> = Success(value: T) | Failure(error: string)
  datatype Option<T> = None | Some(value: T)

  // The low 32 bits of n as 4 bytes, most significant first.
  function UInt32ToBytes(n: nat): (b: bytes)
    ensures |b| == 4
  {
    var b3 := n % 256;
    var n1 := n / 256;
    var b2 := n1 % 256;
    var n2 := n1 / 256;
    var b1 := n2 % 256;
    var b0 := (n2 / 256) % 256;
    [b0, b1, b2, b3]
  }

  function BytesToUInt32(b: bytes): uint32
    requires |b| == 4
  {
    ((b[0] as int * 256 + b[1] as int) * 256 + b[2] as int) * 256 + b[3] as int
  }

  lemma UInt32RoundTrip(n: nat)
    requires n < UINT32_LIMIT
    ensures BytesToUInt32(UInt32ToBytes(n)) == n
  {
    var n1 := n / 256;
    var n2 := n1 / 256;
    assert n == n1 * 256 + n % 256;
    assert n1 == n2 * 256 + n1 % 256;
    assert n2 == (n2 / 256) * 256 + n2 % 256;
    assert n2 / 256 < 256;
  }

  // ---------------------------------------------------------------------------------------
  // The abstract AEAD (authenticated encryption with additional data)
  // ---------------------------------------------------------------------------------------

  // Encrypts msg under key, iv and additional data aad; returns ciphertext followed by tag.
  // Nothing is assumed about it (not even its output length: callers check that at run time).
  function {:extern} AEADSeal(key: bytes, iv: bytes, aad: bytes, msg: bytes): bytes

  // Decrypts and authenticates sealed (ciphertext followed by tag); None if authentication fails.
  function {:extern} AEADOpen(key: bytes, iv: bytes, aad: bytes, sealed: bytes): Option<bytes>

  // THE ONE ASSUMPTION of this development: decryption inverts encryption for the same key,
  // IV and additional data.
  lemma {:axiom} AEADOpenSealed(key: bytes, iv: bytes, aad: bytes, msg: bytes)
    ensures AEADOpen(key, iv, aad, AEADSeal(key, iv, aad, msg)) == Some(msg)

  // ---------------------------------------------------------------------------------------
  // Frames
  // ---------------------------------------------------------------------------------------

  // content is the encrypted content; tag the AEAD's authentication tag.
  datatype Frame = Frame(seqNum: uint32, isFinal: bool, iv: bytes, content: bytes, tag: bytes)

  predicate ValidFrameLength(frameLength: int)
  {
    1 <= frameLength < UINT32_LIMIT
  }

  predicate ValidFrame(f: Frame, frameLength: int)
  {
    1 <= f.seqNum <= MAX_SEQ && |f.iv| == IV_LEN && |f.tag| == TAG_LEN &&
    (if f.isFinal then |f.content| <= frameLength else |f.content| == frameLength)
  }

  // A stream as the encryptor produces it: at least one frame, all valid, only the last final.
  predicate WellFormedStream(frames: seq<Frame>, frameLength: int)
    decreases |frames|
  {
    |frames| >= 1 && ValidFrame(frames[0], frameLength) &&
    (if |frames| == 1 then frames[0].isFinal
     else !frames[0].isFinal && WellFormedStream(frames[1..], frameLength))
  }

  // The IV of the frame with sequence number seqNum: 8 zero bytes, then seqNum big-endian.
  function FrameIV(seqNum: nat): bytes
  {
    [0, 0, 0, 0, 0, 0, 0, 0] + UInt32ToBytes(seqNum)
  }

  // The additional authenticated data of a frame: the message id, the final-frame flag, the
  // sequence number and the content length.
  function FrameAAD(messageId: bytes, seqNum: nat, isFinal: bool, contentLength: nat): bytes
  {
    messageId + [if isFinal then 1 else 0] + UInt32ToBytes(seqNum) + UInt32ToBytes(contentLength)
  }

  // ---------------------------------------------------------------------------------------
  // Serialization
  //   regular frame: seqNum(4) iv(12) content(frameLength) tag(16)
  //   final frame:   0xFFFFFFFF(4) seqNum(4) iv(12) contentLength(4) content tag(16)
  // ---------------------------------------------------------------------------------------

  function SerializeFrame(f: Frame): bytes
  {
    if f.isFinal then
      UInt32ToBytes(END_MARKER) + UInt32ToBytes(f.seqNum) + f.iv + UInt32ToBytes(|f.content|)
        + f.content + f.tag
    else
      UInt32ToBytes(f.seqNum) + f.iv + f.content + f.tag
  }

  // The bytes of a whole stream: its frames' serializations, one after the other.
  ghost function SerializeFrames(frames: seq<Frame>): bytes
    decreases |frames|
  {
    if |frames| == 0 then [] else SerializeFrame(frames[0]) + SerializeFrames(frames[1..])
  }

  datatype Parsed = Parsed(frame: Frame, next: int)

  // Parses one frame starting at data[pos]; on success also returns where the frame ends.
  function ParseFrame(frameLength: int, data: bytes, pos: int): (r: Result<Parsed>)
    requires ValidFrameLength(frameLength)
    requires 0 <= pos <= |data|
    ensures r.Success? ==> pos < r.value.next <= |data|
  {
    if |data| - pos < 4 then Failure("truncated frame header")
    else
      var first := BytesToUInt32(data[pos..pos + 4]);
      if first == END_MARKER then
        if |data| - pos < 12 + IV_LEN then Failure("truncated final frame header")
        else
          var seqNum := BytesToUInt32(data[pos + 4..pos + 8]);
          var iv := data[pos + 8..pos + 8 + IV_LEN];
          var len := BytesToUInt32(data[pos + 8 + IV_LEN..pos + 12 + IV_LEN]);
          var start := pos + 12 + IV_LEN;
          if len > frameLength then Failure("final frame longer than the frame length")
          else if |data| - start < len + TAG_LEN then Failure("truncated final frame")
          else
            var content := data[start..start + len];
            var tag := data[start + len..start + len + TAG_LEN];
            Success(Parsed(Frame(seqNum, true, iv, content, tag), start + len + TAG_LEN))
      else
        if |data| - pos < 4 + IV_LEN + frameLength + TAG_LEN then Failure("truncated frame")
        else
          var start := pos + 4 + IV_LEN;
          var iv := data[pos + 4..start];
          var content := data[start..start + frameLength];
          var tag := data[start + frameLength..start + frameLength + TAG_LEN];
          Success(Parsed(Frame(first, false, iv, content, tag), start + frameLength + TAG_LEN))
  }

  // Parses a whole stream starting at data[pos]: frames up to and including a final frame,
  // which must end exactly at the end of data.
  function ParseFrames(frameLength: int, data: bytes, pos: int): Result<seq<Frame>>
    requires ValidFrameLength(frameLength)
    requires 0 <= pos <= |data|
    decreases |data| - pos
  {
    var r := ParseFrame(frameLength, data, pos);
    if r.Failure? then Failure(r.error)
    else if r.value.frame.isFinal then
      if r.value.next == |data| then Success([r.value.frame])
      else Failure("data after the final frame")
    else
      var rest := ParseFrames(frameLength, data, r.value.next);
      if rest.Failure? then Failure(rest.error)
      else Success([r.value.frame] + rest.value)
  }

  function ParseMessage(frameLength: int, data: bytes): Result<seq<Frame>>
    requires ValidFrameLength(frameLength)
  {
    ParseFrames(frameLength, data, 0)
  }

  lemma ParseSerializeRegularFrameAt(frameLength: int, prefix: bytes, f: Frame, suffix: bytes)
    requires ValidFrameLength(frameLength)
    requires ValidFrame(f, frameLength) && !f.isFinal
    ensures ParseFrame(frameLength, prefix + SerializeFrame(f) + suffix, |prefix|)
            == Success(Parsed(f, |prefix| + |SerializeFrame(f)|))
  {
    var s := UInt32ToBytes(f.seqNum);
    var data := prefix + SerializeFrame(f) + suffix;
    var p := |prefix|;
    var start := p + 4 + IV_LEN;
    UInt32RoundTrip(f.seqNum);
    assert data[p..p + 4] == s;
    assert data[p + 4..start] == f.iv;
    assert data[start..start + frameLength] == f.content;
    assert data[start + frameLength..start + frameLength + TAG_LEN] == f.tag;
  }

  lemma ParseSerializeFinalFrameAt(frameLength: int, prefix: bytes, f: Frame, suffix: bytes)
    requires ValidFrameLength(frameLength)
    requires ValidFrame(f, frameLength) && f.isFinal
    ensures ParseFrame(frameLength, prefix + SerializeFrame(f) + suffix, |prefix|)
            == Success(Parsed(f, |prefix| + |SerializeFrame(f)|))
  {
    var m := UInt32ToBytes(END_MARKER);
    var s := UInt32ToBytes(f.seqNum);
    var l := UInt32ToBytes(|f.content|);
    var data := prefix + SerializeFrame(f) + suffix;
    var p := |prefix|;
    UInt32RoundTrip(END_MARKER);
    UInt32RoundTrip(f.seqNum);
    UInt32RoundTrip(|f.content|);
    assert data[p..p + 4] == m;
    assert data[p + 4..p + 8] == s;
    assert data[p + 8..p + 8 + IV_LEN] == f.iv;
    assert data[p + 8 + IV_LEN..p + 12 + IV_LEN] == l;
    var start := p + 12 + IV_LEN;
    var len := |f.content|;
    assert data[start..start + len] == f.content;
    assert data[start + len..start + len + TAG_LEN] == f.tag;
  }

  // (a) parse(serialize(f)) == f, wherever the frame sits in a byte stream.
  lemma ParseSerializeFrameAt(frameLength: int, prefix: bytes, f: Frame, suffix: bytes)
    requires ValidFrameLength(frameLength)
    requires ValidFrame(f, frameLength)
    ensures ParseFrame(frameLength, prefix + SerializeFrame(f) + suffix, |prefix|)
            == Success(Parsed(f, |prefix| + |SerializeFrame(f)|))
  {
    if f.isFinal {
      ParseSerializeFinalFrameAt(frameLength, prefix, f, suffix);
    } else {
      ParseSerializeRegularFrameAt(frameLength, prefix, f, suffix);
    }
  }

  // (a) parse(serialize(f)) == f.
  lemma ParseSerializeFrame(frameLength: int, f: Frame)
    requires ValidFrameLength(frameLength)
    requires ValidFrame(f, frameLength)
    ensures ParseFrame(frameLength, SerializeFrame(f), 0) == Success(Parsed(f, |SerializeFrame(f)|))
  {
    ParseSerializeFrameAt(frameLength, [], f, []);
    assert [] + SerializeFrame(f) + [] == SerializeFrame(f);
  }

  // One step of ParseFrames: a non-final frame followed by a well-parsed rest.
  lemma ParseFramesStep(frameLength: int, data: bytes, pos: int, f: Frame, next: int,
                        rest: seq<Frame>)
    requires ValidFrameLength(frameLength)
    requires 0 <= pos < next <= |data|
    requires ParseFrame(frameLength, data, pos) == Success(Parsed(f, next))
    requires !f.isFinal
    requires ParseFrames(frameLength, data, next) == Success(rest)
    ensures ParseFrames(frameLength, data, pos) == Success([f] + rest)
  {
  }

  // (a) for streams: parsing the bytes of a well-formed stream gives back the stream.
  lemma {:isolate_assertions} ParseSerializeFramesAt(frameLength: int, prefix: bytes, frames: seq<Frame>)
    requires ValidFrameLength(frameLength)
    requires WellFormedStream(frames, frameLength)
    ensures ParseFrames(frameLength, prefix + SerializeFrames(frames), |prefix|) == Success(frames)
    decreases |frames|
  {
    var f := frames[0];
    var rest := frames[1..];
    var data := prefix + SerializeFrames(frames);
    assert SerializeFrames(frames) == SerializeFrame(f) + SerializeFrames(rest);
    assert data == prefix + SerializeFrame(f) + SerializeFrames(rest);
    ParseSerializeFrameAt(frameLength, prefix, f, SerializeFrames(rest));
    if |frames| == 1 {
      assert SerializeFrames(rest) == [];
      assert |data| == |prefix| + |SerializeFrame(f)|;
      assert frames == [f];
    } else {
      var prefix' := prefix + SerializeFrame(f);
      assert data == prefix' + SerializeFrames(rest);
      assert |prefix'| == |prefix| + |SerializeFrame(f)|;
      ParseSerializeFramesAt(frameLength, prefix', rest);
      ParseFramesStep(frameLength, data, |prefix|, f, |prefix'|, rest);
      assert frames == [f] + rest;
    }
  }

  lemma ParseSerializeFrames(frameLength: int, frames: seq<Frame>)
    requires ValidFrameLength(frameLength)
    requires WellFormedStream(frames, frameLength)
    ensures ParseMessage(frameLength, SerializeFrames(frames)) == Success(frames)
  {
    ParseSerializeFramesAt(frameLength, [], frames);
    assert [] + SerializeFrames(frames) == SerializeFrames(frames);
  }

  // ---------------------------------------------------------------------------------------
  // Splitting and reassembly
  // ---------------------------------------------------------------------------------------

  // Reassembly: the pieces, concatenated.
  ghost function Flatten(pieces: seq<bytes>): bytes
    decreases |pieces|
  {
    if |pieces| == 0 then [] else pieces[0] + Flatten(pieces[1..])
  }

  lemma FlattenCons(piece: bytes, pieces: seq<bytes>)
    ensures Flatten([piece] + pieces) == piece + Flatten(pieces)
  {
    var all := [piece] + pieces;
    assert all[0] == piece;
    assert all[1..] == pieces;
  }

  lemma FlattenOne(piece: bytes)
    ensures Flatten([piece]) == piece
  {
    FlattenCons(piece, []);
    assert [piece] + [] == [piece];
    assert piece + [] == piece;
  }

  lemma SliceSplit(s: bytes, i: int, j: int)
    requires 0 <= i <= j <= |s|
    ensures s[i..] == s[i..j] + s[j..]
  {
  }

  // Splits plaintext[off..] into chunks of frameLength bytes followed by one final chunk of
  // fewer than frameLength bytes (empty when frameLength divides the length).
  function SplitFrom(plaintext: bytes, frameLength: int, off: int): (chunks: seq<bytes>)
    requires ValidFrameLength(frameLength)
    requires 0 <= off <= |plaintext|
    ensures |chunks| >= 1
    ensures forall k :: 0 <= k < |chunks| - 1 ==> |chunks[k]| == frameLength
    ensures |chunks[|chunks| - 1]| < frameLength
    ensures |chunks| <= |plaintext| - off + 1
    decreases |plaintext| - off
  {
    if |plaintext| - off < frameLength then
      [plaintext[off..]]
    else
      var chunk := plaintext[off..off + frameLength];
      [chunk] + SplitFrom(plaintext, frameLength, off + frameLength)
  }

  // Reassembling the chunks gives back exactly what was split.
  lemma {:isolate_assertions} SplitFromFlatten(plaintext: bytes, frameLength: int, off: int)
    requires ValidFrameLength(frameLength)
    requires 0 <= off <= |plaintext|
    ensures Flatten(SplitFrom(plaintext, frameLength, off)) == plaintext[off..]
    decreases |plaintext| - off
  {
    if |plaintext| - off < frameLength {
      FlattenOne(plaintext[off..]);
    } else {
      var first := plaintext[off..off + frameLength];
      var rest := SplitFrom(plaintext, frameLength, off + frameLength);
      assert SplitFrom(plaintext, frameLength, off) == [first] + rest;
      SplitFromFlatten(plaintext, frameLength, off + frameLength);
      assert Flatten(rest) == plaintext[off + frameLength..];
      FlattenCons(first, rest);
      assert Flatten([first] + rest) == first + plaintext[off + frameLength..];
      SliceSplit(plaintext, off, off + frameLength);
    }
  }

  // The frames' contents of a message, in order.
  function Split(plaintext: bytes, frameLength: int): (chunks: seq<bytes>)
    requires ValidFrameLength(frameLength)
    ensures |chunks| >= 1
    ensures forall k :: 0 <= k < |chunks| - 1 ==> |chunks[k]| == frameLength
    ensures |chunks[|chunks| - 1]| < frameLength
    ensures |chunks| <= |plaintext| + 1
  {
    SplitFrom(plaintext, frameLength, 0)
  }

  lemma SplitFlatten(plaintext: bytes, frameLength: int)
    requires ValidFrameLength(frameLength)
    ensures Flatten(Split(plaintext, frameLength)) == plaintext
  {
    SplitFromFlatten(plaintext, frameLength, 0);
    assert plaintext[0..] == plaintext;
  }

  // ---------------------------------------------------------------------------------------
  // Encryption
  // ---------------------------------------------------------------------------------------

  function EncryptFrame(key: bytes, messageId: bytes, seqNum: uint32, isFinal: bool, chunk: bytes)
    : Result<Frame>
  {
    var iv := FrameIV(seqNum);
    var aad := FrameAAD(messageId, seqNum, isFinal, |chunk|);
    var sealed := AEADSeal(key, iv, aad, chunk);
    if |sealed| != |chunk| + TAG_LEN then Failure("the AEAD returned output of an unexpected length")
    else Success(Frame(seqNum, isFinal, iv, sealed[..|chunk|], sealed[|chunk|..]))
  }

  // Encrypts the chunks as frames numbered from seqNum on; the last one is the final frame.
  function EncryptChunks(key: bytes, messageId: bytes, chunks: seq<bytes>, seqNum: int)
    : Result<seq<Frame>>
    requires |chunks| >= 1 && 1 <= seqNum
    decreases |chunks|
  {
    if seqNum > MAX_SEQ then Failure("too many frames")
    else
      var r := EncryptFrame(key, messageId, seqNum, |chunks| == 1, chunks[0]);
      if r.Failure? then Failure(r.error)
      else if |chunks| == 1 then Success([r.value])
      else
        var rest := EncryptChunks(key, messageId, chunks[1..], seqNum + 1);
        if rest.Failure? then Failure(rest.error) else Success([r.value] + rest.value)
  }

  // Encrypts a message. It fails only if the plaintext needs more than MAX_SEQ frames or the
  // AEAD returns output of the wrong length (which AES-GCM never does).
  function EncryptMessage(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes)
    : Result<seq<Frame>>
    requires ValidFrameLength(frameLength)
  {
    EncryptChunks(key, messageId, Split(plaintext, frameLength), 1)
  }

  // ---------------------------------------------------------------------------------------
  // Decryption
  // ---------------------------------------------------------------------------------------

  // Checks that f is the frame expected next and decrypts it.
  function DecryptFrame(key: bytes, messageId: bytes, f: Frame, expectedSeq: int, isLast: bool)
    : Result<bytes>
  {
    if f.seqNum != expectedSeq then Failure("frame out of sequence")
    else if f.isFinal != isLast then
      (if isLast then Failure("stream ends without a final frame")
       else Failure("final frame before the end of the stream"))
    else if f.iv != FrameIV(f.seqNum) then Failure("unexpected IV")
    else
      var aad := FrameAAD(messageId, f.seqNum, f.isFinal, |f.content|);
      var r := AEADOpen(key, f.iv, aad, f.content + f.tag);
      if r.None? then Failure("authentication failed") else Success(r.value)
  }

  // Decrypts a nonempty stream whose first frame should have sequence number expectedSeq;
  // returns the decrypted content of each frame.
  function DecryptFrames(key: bytes, messageId: bytes, frames: seq<Frame>, expectedSeq: int)
    : Result<seq<bytes>>
    requires |frames| >= 1
    decreases |frames|
  {
    var r := DecryptFrame(key, messageId, frames[0], expectedSeq, |frames| == 1);
    if r.Failure? then Failure(r.error)
    else if |frames| == 1 then Success([r.value])
    else
      var rest := DecryptFrames(key, messageId, frames[1..], expectedSeq + 1);
      if rest.Failure? then Failure(rest.error) else Success([r.value] + rest.value)
  }

  // Decrypts a stream of frames into the plaintext's pieces, one per frame, in order.
  function DecryptMessage(key: bytes, messageId: bytes, frames: seq<Frame>): Result<seq<bytes>>
  {
    if |frames| == 0 then Failure("empty stream") else DecryptFrames(key, messageId, frames, 1)
  }

  // Parses and decrypts the bytes of a stream.
  function DecryptBytes(key: bytes, messageId: bytes, frameLength: int, data: bytes)
    : Result<seq<bytes>>
    requires ValidFrameLength(frameLength)
  {
    var frames := ParseMessage(frameLength, data);
    if frames.Failure? then Failure(frames.error) else DecryptMessage(key, messageId, frames.value)
  }

  // ---------------------------------------------------------------------------------------
  // (c) The shape of an encrypted stream: sequence numbers and IVs
  // ---------------------------------------------------------------------------------------

  // The first frame of encrypted chunks, and the frames after it.
  lemma EncryptChunksUnfold(key: bytes, messageId: bytes, chunks: seq<bytes>, seqNum: int)
    requires |chunks| >= 1 && 1 <= seqNum
    requires EncryptChunks(key, messageId, chunks, seqNum).Success?
    ensures var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
            var f := EncryptFrame(key, messageId, seqNum, |chunks| == 1, chunks[0]);
            seqNum <= MAX_SEQ && f.Success? && |fs| >= 1 && fs[0] == f.value &&
            f.value.seqNum == seqNum && f.value.iv == FrameIV(seqNum) &&
            f.value.isFinal == (|chunks| == 1) && |f.value.iv| == IV_LEN &&
            |f.value.tag| == TAG_LEN && |f.value.content| == |chunks[0]| &&
            (|chunks| == 1 ==> |fs| == 1) &&
            (|chunks| > 1 ==> EncryptChunks(key, messageId, chunks[1..], seqNum + 1).Success? &&
                              fs[1..] == EncryptChunks(key, messageId, chunks[1..], seqNum + 1).value)
  {
    var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
    var r := EncryptFrame(key, messageId, seqNum, |chunks| == 1, chunks[0]);
    if |chunks| == 1 {
      assert fs == [r.value];
    } else {
      var rest := EncryptChunks(key, messageId, chunks[1..], seqNum + 1);
      assert fs == [r.value] + rest.value;
      assert fs[1..] == rest.value;
    }
  }

  lemma EncryptChunksWellFormed(key: bytes, messageId: bytes, frameLength: int,
                                chunks: seq<bytes>, seqNum: int)
    requires ValidFrameLength(frameLength)
    requires |chunks| >= 1 && 1 <= seqNum
    requires forall k :: 0 <= k < |chunks| - 1 ==> |chunks[k]| == frameLength
    requires |chunks[|chunks| - 1]| < frameLength
    requires EncryptChunks(key, messageId, chunks, seqNum).Success?
    ensures WellFormedStream(EncryptChunks(key, messageId, chunks, seqNum).value, frameLength)
    decreases |chunks|
  {
    var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
    EncryptChunksUnfold(key, messageId, chunks, seqNum);
    assert ValidFrame(fs[0], frameLength);
    if |chunks| > 1 {
      EncryptChunksWellFormed(key, messageId, frameLength, chunks[1..], seqNum + 1);
    }
  }

  lemma EncryptChunksShape(key: bytes, messageId: bytes, frameLength: int, chunks: seq<bytes>,
                           seqNum: int)
    requires ValidFrameLength(frameLength)
    requires |chunks| >= 1 && 1 <= seqNum
    requires forall k :: 0 <= k < |chunks| - 1 ==> |chunks[k]| == frameLength
    requires |chunks[|chunks| - 1]| < frameLength
    requires EncryptChunks(key, messageId, chunks, seqNum).Success?
    ensures var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
            WellFormedStream(fs, frameLength)
    ensures var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
            (forall k :: 0 <= k < |fs| ==> fs[k].seqNum == seqNum + k <= MAX_SEQ)
    ensures var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
            (forall k :: 0 <= k < |fs| ==> fs[k].iv == FrameIV(seqNum + k))
    ensures var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
            (forall k :: 0 <= k < |fs| ==> (fs[k].isFinal <==> k == |fs| - 1))
    decreases |chunks|
  {
    var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
    EncryptChunksWellFormed(key, messageId, frameLength, chunks, seqNum);
    EncryptChunksUnfold(key, messageId, chunks, seqNum);
    if |chunks| > 1 {
      var rest := EncryptChunks(key, messageId, chunks[1..], seqNum + 1).value;
      EncryptChunksShape(key, messageId, frameLength, chunks[1..], seqNum + 1);
      forall k | 1 <= k < |fs|
        ensures fs[k].seqNum == seqNum + k <= MAX_SEQ && fs[k].iv == FrameIV(seqNum + k) &&
                (fs[k].isFinal <==> k == |fs| - 1)
      {
        assert fs[k] == rest[k - 1];
      }
    }
  }

  lemma EncryptMessageShape(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            WellFormedStream(fs, frameLength) &&
            (forall k :: 0 <= k < |fs| ==>
               fs[k].seqNum == k + 1 <= MAX_SEQ && fs[k].iv == FrameIV(k + 1) &&
               (fs[k].isFinal <==> k == |fs| - 1))
  {
    var chunks := Split(plaintext, frameLength);
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    assert fs == EncryptChunks(key, messageId, chunks, 1).value;
    EncryptChunksShape(key, messageId, frameLength, chunks, 1);
  }

  lemma FrameIVInjective(a: nat, b: nat)
    requires a < UINT32_LIMIT && b < UINT32_LIMIT
    requires FrameIV(a) == FrameIV(b)
    ensures a == b
  {
    assert FrameIV(a)[8..12] == UInt32ToBytes(a);
    assert FrameIV(b)[8..12] == UInt32ToBytes(b);
    UInt32RoundTrip(a);
    UInt32RoundTrip(b);
  }

  // (c) Sequence numbers are 1, 2, 3, ..., so consecutive and unique; IVs are distinct.
  lemma SequenceNumbersAndIVs(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            (forall k :: 0 <= k < |fs| ==> fs[k].seqNum == k + 1) &&
            (forall i, j :: 0 <= i < |fs| && 0 <= j < |fs| && i != j ==>
               fs[i].seqNum != fs[j].seqNum && fs[i].iv != fs[j].iv)
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    EncryptMessageShape(key, messageId, frameLength, plaintext);
    forall i, j | 0 <= i < |fs| && 0 <= j < |fs| && i != j
      ensures fs[i].seqNum != fs[j].seqNum && fs[i].iv != fs[j].iv
    {
      if fs[i].iv == fs[j].iv {
        FrameIVInjective(i + 1, j + 1);
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // (b) Decrypting and reassembling the frames of Encrypt(plaintext) gives back plaintext
  // ---------------------------------------------------------------------------------------

  lemma DecryptEncryptedFrame(key: bytes, messageId: bytes, seqNum: uint32, isFinal: bool,
                              chunk: bytes)
    requires EncryptFrame(key, messageId, seqNum, isFinal, chunk).Success?
    ensures DecryptFrame(key, messageId, EncryptFrame(key, messageId, seqNum, isFinal, chunk).value,
                         seqNum, isFinal) == Success(chunk)
  {
    var f := EncryptFrame(key, messageId, seqNum, isFinal, chunk).value;
    var iv := FrameIV(seqNum);
    var aad := FrameAAD(messageId, seqNum, isFinal, |chunk|);
    var sealed := AEADSeal(key, iv, aad, chunk);
    assert f.content + f.tag == sealed;
    assert |f.content| == |chunk|;
    AEADOpenSealed(key, iv, aad, chunk);
  }

  // Decrypting the frames of encrypted chunks gives back exactly those chunks.
  lemma DecryptEncryptedChunks(key: bytes, messageId: bytes, chunks: seq<bytes>, seqNum: int)
    requires |chunks| >= 1 && 1 <= seqNum
    requires EncryptChunks(key, messageId, chunks, seqNum).Success?
    ensures var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
            |fs| >= 1 && DecryptFrames(key, messageId, fs, seqNum) == Success(chunks)
    decreases |chunks|
  {
    var fs := EncryptChunks(key, messageId, chunks, seqNum).value;
    var isFinal := |chunks| == 1;
    var f := EncryptFrame(key, messageId, seqNum, isFinal, chunks[0]).value;
    DecryptEncryptedFrame(key, messageId, seqNum, isFinal, chunks[0]);
    if |chunks| == 1 {
      assert fs == [f];
      assert chunks == [chunks[0]];
    } else {
      var rest := EncryptChunks(key, messageId, chunks[1..], seqNum + 1).value;
      DecryptEncryptedChunks(key, messageId, chunks[1..], seqNum + 1);
      assert fs == [f] + rest;
      assert fs[0] == f;
      assert fs[1..] == rest;
      assert chunks == [chunks[0]] + chunks[1..];
    }
  }

  // (b) For every plaintext and every valid frame length: if encryption succeeds (it fails
  // only for more than MAX_SEQ frames or a misbehaving AEAD), decryption succeeds and the
  // decrypted pieces, reassembled, are exactly the plaintext.
  lemma EncryptDecryptRoundTrip(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            DecryptMessage(key, messageId, fs) == Success(Split(plaintext, frameLength)) &&
            Flatten(DecryptMessage(key, messageId, fs).value) == plaintext
  {
    DecryptEncryptedChunks(key, messageId, Split(plaintext, frameLength), 1);
    SplitFlatten(plaintext, frameLength);
  }

  // The length property of AES-GCM: the sealed output is the input plus a 16-byte tag. NOT an
  // axiom: only a hypothesis of the lemmas below, which say when encryption cannot fail.
  ghost predicate LengthRegularAEAD()
  {
    forall key: bytes, iv: bytes, aad: bytes, msg: bytes ::
      |AEADSeal(key, iv, aad, msg)| == |msg| + TAG_LEN
  }

  lemma EncryptChunksSucceeds(key: bytes, messageId: bytes, chunks: seq<bytes>, seqNum: int)
    requires |chunks| >= 1 && 1 <= seqNum && seqNum + |chunks| - 1 <= MAX_SEQ
    requires LengthRegularAEAD()
    ensures EncryptChunks(key, messageId, chunks, seqNum).Success?
    decreases |chunks|
  {
    var iv := FrameIV(seqNum);
    var aad := FrameAAD(messageId, seqNum, |chunks| == 1, |chunks[0]|);
    assert |AEADSeal(key, iv, aad, chunks[0])| == |chunks[0]| + TAG_LEN;
    if |chunks| > 1 {
      EncryptChunksSucceeds(key, messageId, chunks[1..], seqNum + 1);
    }
  }

  // (b), unconditionally: with an AEAD of AES-GCM's output length, every plaintext shorter
  // than 2^32 - 2 bytes, with every valid frame length, encrypts, and decrypting and
  // reassembling its frames gives back exactly the plaintext.
  lemma EncryptDecryptRoundTripTotal(key: bytes, messageId: bytes, frameLength: int,
                                     plaintext: bytes)
    requires ValidFrameLength(frameLength)
    requires |plaintext| < MAX_SEQ
    requires LengthRegularAEAD()
    ensures EncryptMessage(key, messageId, frameLength, plaintext).Success?
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            DecryptMessage(key, messageId, fs).Success? &&
            Flatten(DecryptMessage(key, messageId, fs).value) == plaintext
  {
    EncryptChunksSucceeds(key, messageId, Split(plaintext, frameLength), 1);
    EncryptDecryptRoundTrip(key, messageId, frameLength, plaintext);
  }

  // (a)+(b) through the serialized bytes of the stream.
  lemma BytesRoundTrip(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            var d := DecryptBytes(key, messageId, frameLength, SerializeFrames(fs));
            d.Success? && Flatten(d.value) == plaintext
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    EncryptMessageShape(key, messageId, frameLength, plaintext);
    ParseSerializeFrames(frameLength, fs);
    EncryptDecryptRoundTrip(key, messageId, frameLength, plaintext);
  }

  // ---------------------------------------------------------------------------------------
  // (d) Truncated, reordered or duplicated streams are rejected
  // ---------------------------------------------------------------------------------------

  // What the decryptor accepts: frame k has sequence number expectedSeq + k, and exactly the
  // last frame is final.
  lemma AcceptedShape(key: bytes, messageId: bytes, gs: seq<Frame>, expectedSeq: int)
    requires |gs| >= 1
    requires DecryptFrames(key, messageId, gs, expectedSeq).Success?
    ensures forall k :: 0 <= k < |gs| ==>
              gs[k].seqNum == expectedSeq + k && (gs[k].isFinal <==> k == |gs| - 1)
    decreases |gs|
  {
    if |gs| > 1 {
      AcceptedShape(key, messageId, gs[1..], expectedSeq + 1);
      forall k | 1 <= k < |gs|
        ensures gs[k].seqNum == expectedSeq + k && (gs[k].isFinal <==> k == |gs| - 1)
      {
        assert gs[k] == gs[1..][k - 1];
      }
    }
  }

  // (d) The decryptor accepts no stream made of frames of an encrypted message other than
  // that message's own stream: every truncation, reordering, duplication or omission of its
  // frames is rejected (DecryptMessage returns Failure, never plaintext).
  lemma OnlyTheOriginalStreamDecrypts(key: bytes, messageId: bytes, frameLength: int,
                                      plaintext: bytes, gs: seq<Frame>)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    requires forall k :: 0 <= k < |gs| ==>
               gs[k] in EncryptMessage(key, messageId, frameLength, plaintext).value
    requires DecryptMessage(key, messageId, gs).Success?
    ensures gs == EncryptMessage(key, messageId, frameLength, plaintext).value
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    EncryptMessageShape(key, messageId, frameLength, plaintext);
    AcceptedShape(key, messageId, gs, 1);
    forall k | 0 <= k < |gs|
      ensures k < |fs| && gs[k] == fs[k]
    {
      var m :| 0 <= m < |fs| && fs[m] == gs[k];
      assert fs[m].seqNum == m + 1;
    }
    var last := |gs| - 1;
    var m :| 0 <= m < |fs| && fs[m] == gs[last];
    assert fs[m].isFinal;
    assert m == |fs| - 1;
  }

  lemma RejectsTruncated(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes, n: int)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    requires 0 <= n < |EncryptMessage(key, messageId, frameLength, plaintext).value|
    ensures DecryptMessage(key, messageId,
                           EncryptMessage(key, messageId, frameLength, plaintext).value[..n]).Failure?
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    var gs := fs[..n];
    forall k | 0 <= k < |gs| ensures gs[k] in fs { assert gs[k] == fs[k]; }
    if DecryptMessage(key, messageId, gs).Success? {
      OnlyTheOriginalStreamDecrypts(key, messageId, frameLength, plaintext, gs);
      assert |gs| < |fs|;
    }
  }

  lemma RejectsDropped(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes, i: int)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    requires 0 <= i < |EncryptMessage(key, messageId, frameLength, plaintext).value|
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            DecryptMessage(key, messageId, fs[..i] + fs[i + 1..]).Failure?
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    var gs := fs[..i] + fs[i + 1..];
    forall k | 0 <= k < |gs| ensures gs[k] in fs {
      if k < i { assert gs[k] == fs[k]; } else { assert gs[k] == fs[k + 1]; }
    }
    if DecryptMessage(key, messageId, gs).Success? {
      OnlyTheOriginalStreamDecrypts(key, messageId, frameLength, plaintext, gs);
      assert |gs| < |fs|;
    }
  }

  lemma RejectsSwapped(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes,
                       i: int, j: int)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    requires 0 <= i < j < |EncryptMessage(key, messageId, frameLength, plaintext).value|
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            DecryptMessage(key, messageId, fs[i := fs[j]][j := fs[i]]).Failure?
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    var gs := fs[i := fs[j]][j := fs[i]];
    forall k | 0 <= k < |gs| ensures gs[k] in fs {
      if k == i { assert gs[k] == fs[j]; }
      else if k == j { assert gs[k] == fs[i]; }
      else { assert gs[k] == fs[k]; }
    }
    if DecryptMessage(key, messageId, gs).Success? {
      OnlyTheOriginalStreamDecrypts(key, messageId, frameLength, plaintext, gs);
      SequenceNumbersAndIVs(key, messageId, frameLength, plaintext);
      assert gs[i] == fs[j];
      assert fs[i].seqNum != fs[j].seqNum;
    }
  }

  lemma RejectsDuplicated(key: bytes, messageId: bytes, frameLength: int, plaintext: bytes,
                          i: int, j: int)
    requires ValidFrameLength(frameLength)
    requires EncryptMessage(key, messageId, frameLength, plaintext).Success?
    requires 0 <= i < |EncryptMessage(key, messageId, frameLength, plaintext).value|
    requires 0 <= j <= |EncryptMessage(key, messageId, frameLength, plaintext).value|
    ensures var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
            DecryptMessage(key, messageId, fs[..j] + [fs[i]] + fs[j..]).Failure?
  {
    var fs := EncryptMessage(key, messageId, frameLength, plaintext).value;
    var gs := fs[..j] + [fs[i]] + fs[j..];
    forall k | 0 <= k < |gs| ensures gs[k] in fs {
      if k < j { assert gs[k] == fs[k]; }
      else if k == j { assert gs[k] == fs[i]; }
      else { assert gs[k] == fs[k - 1]; }
    }
    if DecryptMessage(key, messageId, gs).Success? {
      OnlyTheOriginalStreamDecrypts(key, messageId, frameLength, plaintext, gs);
      assert |gs| == |fs| + 1;
    }
  }
}
