// The write-serializing wire-protocol proxy between the clients and the embedded FerretDB.
//
// Why it exists: FerretDB v1.24's update, findAndModify and delete read the matching documents
// in one SQLite statement and write them back by _id in another (internal/handler/msg_update.go,
// common.UpdateDocument, backends/sqlite UpdateAll), with up to 100 pooled SQLite connections
// and nothing held in between. So `updateOne({_id, version: n}, {$inc: {version: 1}})` from
// several connections at once lets several of them win, where MongoDB lets exactly one. No
// setting of the embedding closes that gap (the SQLite URL's pragmas and _txlock only shape the
// write transaction, the pool size is fixed in code, and even one pooled connection would not
// span the read and the write). Holding one process-wide lock from forwarding a write until its
// reply is back makes every write see the previous one's result, which is all that optimistic
// versions need; reads pass unlocked, as they may see either side of a write on MongoDB too.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
)

const (
	opQuery      = 2004
	opCompressed = 2012
	opMsg        = 2013

	// OP_MSG flag bits.
	flagChecksumPresent = 1 << 0
	flagMoreToCome      = 1 << 1

	headerLen = 16
	// MongoDB's maxMessageSizeBytes is 48 MB; a little room for the header and sections.
	maxMessageLen = 48<<20 + 16<<10
)

// readCommands run without the write lock: they change no document (FerretDB v1.24 has no $out
// or $merge stage, so aggregate only reads). Anything not listed here, including a command this
// program has never heard of, is serialized, so a new write command is safe by default and a
// forgotten read only costs a little waiting.
var readCommands = map[string]bool{
	"find": true, "getMore": true, "aggregate": true, "count": true, "distinct": true,
	"killCursors": true, "explain": true, "listCollections": true, "listIndexes": true,
	"listDatabases": true, "listCommands": true, "dbStats": true, "collStats": true,
	"dataSize": true, "serverStatus": true, "hello": true, "isMaster": true, "ismaster": true,
	"ping": true, "buildInfo": true, "buildinfo": true, "hostInfo": true, "getParameter": true,
	"getCmdLineOpts": true, "getLog": true, "connectionStatus": true, "whatsmyuri": true,
	"getFreeMonitoringStatus": true, "saslStart": true, "saslContinue": true, "logout": true,
	"endSessions": true, "validate": true, "usersInfo": true, "atlasVersion": true,
	"getDiagnosticData": true, "currentOp": true,
}

// message is one wire-protocol message: the 16-byte header and what follows it.
type message struct {
	header [headerLen]byte
	body   []byte
}

func (m *message) requestID() int32  { return int32(binary.LittleEndian.Uint32(m.header[4:])) }
func (m *message) responseTo() int32 { return int32(binary.LittleEndian.Uint32(m.header[8:])) }
func (m *message) opCode() int32     { return int32(binary.LittleEndian.Uint32(m.header[12:])) }

// flags returns an OP_MSG's flag bits (0 for other op codes).
func (m *message) flags() uint32 {
	if m.opCode() != opMsg || len(m.body) < 4 {
		return 0
	}
	return binary.LittleEndian.Uint32(m.body)
}

func readMessage(r io.Reader) (*message, error) {
	m := new(message)
	if _, err := io.ReadFull(r, m.header[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.LittleEndian.Uint32(m.header[:])))
	if n < headerLen || n > maxMessageLen {
		return nil, fmt.Errorf("bad message length %d", n)
	}
	m.body = make([]byte, n-headerLen)
	if _, err := io.ReadFull(r, m.body); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *message) writeTo(w io.Writer) error {
	// One write per message, so a reply is never split by a partial write of the header.
	buf := make([]byte, 0, headerLen+len(m.body))
	buf = append(append(buf, m.header[:]...), m.body...)
	_, err := w.Write(buf)
	return err
}

// commandName returns the first key of an OP_MSG's body section (the command's name), or of an
// OP_QUERY's query document (the legacy handshake), or "" when it cannot tell.
func commandName(m *message) string {
	switch m.opCode() {
	case opMsg:
		b := m.body
		if len(b) < 4 {
			return ""
		}
		end := len(b)
		if m.flags()&flagChecksumPresent != 0 {
			end -= 4
		}
		for i := 4; i < end; {
			kind := b[i]
			i++
			if i+4 > end {
				return ""
			}
			size := int(int32(binary.LittleEndian.Uint32(b[i:])))
			if size < 5 || i+size > end {
				return ""
			}
			if kind == 0 {
				return firstKey(b[i : i+size])
			}
			if kind != 1 { // kind 1: a document sequence (size includes its identifier); skip it
				return ""
			}
			i += size
		}
		return ""
	case opQuery:
		// flags int32, fullCollectionName cstring, numberToSkip int32, numberToReturn int32, query.
		b := m.body
		if len(b) < 4 {
			return ""
		}
		n := bytes.IndexByte(b[4:], 0)
		if n < 0 || 4+n+1+8 > len(b) {
			return ""
		}
		return firstKey(b[4+n+1+8:])
	default:
		return ""
	}
}

// firstKey returns the name of a BSON document's first element.
func firstKey(doc []byte) string {
	if len(doc) < 6 { // length, type byte, at least an empty name's NUL
		return ""
	}
	n := bytes.IndexByte(doc[5:], 0)
	if n < 0 {
		return ""
	}
	return string(doc[5 : 5+n])
}

// isWrite tells whether a request must hold the write lock.
func isWrite(m *message) bool {
	switch m.opCode() {
	case opMsg, opQuery:
		return !readCommands[commandName(m)]
	default:
		// OP_COMPRESSED hides the command (FerretDB offers no compressor, so it should not come),
		// and the legacy OP_INSERT/UPDATE/DELETE write: serialize whatever cannot be read.
		return true
	}
}

// proxy accepts clients and forwards each to its own connection to FerretDB.
type proxy struct {
	dial    func() (net.Conn, error)
	logger  *slog.Logger
	writeMu sync.Mutex // held from forwarding a write until FerretDB has answered it
}

// serve accepts clients until ln is closed.
func (p *proxy) serve(ln net.Listener) error {
	for {
		client, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		go p.handle(client)
	}
}

func (p *proxy) handle(client net.Conn) {
	defer client.Close()
	backend, err := p.dial()
	if err != nil {
		p.logger.Error("par-ferretdb: cannot reach FerretDB", "error", err)
		return
	}
	defer backend.Close()
	// Buffered reads take a whole small message in one system call instead of two (header, then
	// body): the proxy's cost is mostly system calls.
	clientR := bufio.NewReaderSize(client, 64<<10)
	backendR := bufio.NewReaderSize(backend, 64<<10)
	// Drivers send one request per connection and wait for its reply (exhaust streams only
	// follow a request), so a plain request/reply loop per connection keeps their order.
	for {
		req, err := readMessage(clientR)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				p.logger.Debug("par-ferretdb: client read", "error", err)
			}
			return
		}
		if err := p.roundTrip(client, backend, backendR, req); err != nil {
			p.logger.Debug("par-ferretdb: connection closed", "error", err)
			return
		}
	}
}

// roundTrip forwards one request and the replies it asks for.
func (p *proxy) roundTrip(client, backend io.Writer, backendR io.Reader, req *message) error {
	write := isWrite(req)
	silent := req.flags()&flagMoreToCome != 0 // the client wants no reply (w: 0)
	if !write {
		if err := req.writeTo(backend); err != nil {
			return err
		}
		if silent {
			return nil
		}
		return relayReplies(backendR, client, true, nil)
	}

	p.writeMu.Lock()
	locked := true
	unlock := func() {
		if locked {
			locked = false
			p.writeMu.Unlock()
		}
	}
	defer unlock()
	if silent {
		// An unacknowledged write would leave the lock before FerretDB has run it, so ask
		// FerretDB for the reply anyway and keep it from the client, who expects none.
		binary.LittleEndian.PutUint32(req.body, req.flags()&^flagMoreToCome)
		if req.flags()&flagChecksumPresent != 0 {
			// The checksum covered the old flags; FerretDB does not check it, but drop it
			// rather than send a wrong one.
			binary.LittleEndian.PutUint32(req.body, req.flags()&^flagChecksumPresent)
			req.body = req.body[:len(req.body)-4]
			binary.LittleEndian.PutUint32(req.header[:], uint32(headerLen+len(req.body)))
		}
	}
	if err := req.writeTo(backend); err != nil {
		return err
	}
	// The lock is released once the last reply has come: by then FerretDB has finished the
	// write. It is not kept while the reply goes to the client, so a slow client delays no one.
	return relayReplies(backendR, client, !silent, unlock)
}

// relayReplies copies replies from FerretDB until one that is not followed by more (an exhaust
// stream sets moreToCome on every reply but the last). With forward false they are read and
// dropped. A write passes afterLast, called as soon as the last reply has been read; then a
// client gone mid-write does not stop the reading either, since the lock must outlive the write.
func relayReplies(backend io.Reader, client io.Writer, forward bool, afterLast func()) error {
	var clientErr error
	for {
		reply, err := readMessage(backend)
		if err != nil {
			return err
		}
		last := reply.flags()&flagMoreToCome == 0
		if last && afterLast != nil {
			afterLast()
		}
		if forward && clientErr == nil {
			clientErr = reply.writeTo(client)
		}
		if clientErr != nil && afterLast == nil {
			return clientErr
		}
		if last {
			return clientErr
		}
	}
}
