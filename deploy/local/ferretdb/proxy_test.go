// Tests of the write-serializing proxy against a fake FerretDB that records how many requests it
// is running at once; the real FerretDB is covered by deploy/test/integration.
package main

import (
	"encoding/binary"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func opMsgWith(id int32, flags uint32, sections ...[]byte) *message {
	m := new(message)
	body := binary.LittleEndian.AppendUint32(nil, flags)
	for _, s := range sections {
		body = append(body, s...)
	}
	m.body = body
	binary.LittleEndian.PutUint32(m.header[0:], uint32(headerLen+len(body)))
	binary.LittleEndian.PutUint32(m.header[4:], uint32(id))
	binary.LittleEndian.PutUint32(m.header[12:], opMsg)
	return m
}

func bodySection(doc []byte) []byte { return append([]byte{0}, doc...) }

func command(id int32, flags uint32, name string) *message {
	return opMsgWith(id, flags, bodySection(bsonDoc(bsonInt32(name, 1), bsonString("$db", "test"))))
}

func reply(to int32, flags uint32) *message {
	m := opMsgWith(0, flags, bodySection(bsonDoc(bsonInt32("ok", 1))))
	binary.LittleEndian.PutUint32(m.header[8:], uint32(to))
	return m
}

// fakeBackend answers every request after a pause with `replies` OP_MSG replies (all but the
// last flagged moreToCome), and records the requests and the most it ran at once.
type fakeBackend struct {
	ln        net.Listener
	pause     time.Duration
	replies   int
	running   atomic.Int32
	maxByName sync.Map // command name -> *atomic.Int32: most requests of that name at once
	mu        sync.Mutex
	seen      []*message
}

func startFakeBackend(t *testing.T, pause time.Duration, replies int) *fakeBackend {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b := &fakeBackend{ln: ln, pause: pause, replies: replies}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go b.handle(conn)
		}
	}()
	return b
}

func (b *fakeBackend) handle(conn net.Conn) {
	defer conn.Close()
	for {
		req, err := readMessage(conn)
		if err != nil {
			return
		}
		b.mu.Lock()
		b.seen = append(b.seen, req)
		b.mu.Unlock()
		name := commandName(req)
		counter, _ := b.maxByName.LoadOrStore(name, new(atomic.Int32))
		now := b.running.Add(1)
		for {
			old := counter.(*atomic.Int32).Load()
			if now <= old || counter.(*atomic.Int32).CompareAndSwap(old, now) {
				break
			}
		}
		time.Sleep(b.pause)
		b.running.Add(-1)
		if req.flags()&flagMoreToCome != 0 {
			continue
		}
		for i := 1; i <= b.replies; i++ {
			var flags uint32
			if i < b.replies {
				flags = flagMoreToCome
			}
			if err := reply(req.requestID(), flags).writeTo(conn); err != nil {
				return
			}
		}
	}
}

func (b *fakeBackend) maxAtOnce(name string) int32 {
	v, ok := b.maxByName.Load(name)
	if !ok {
		return 0
	}
	return v.(*atomic.Int32).Load()
}

func startProxy(t *testing.T, backend *fakeBackend) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := backend.ln.Addr().String()
	p := &proxy{
		dial:   func() (net.Conn, error) { return net.Dial("tcp", addr) },
		logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	go func() { _ = p.serve(ln) }()
	t.Cleanup(func() { _ = ln.Close() })
	return ln.Addr().String()
}

func dialProxy(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	return conn
}

// runParallel sends one `name` command on each of n connections at once and waits for replies.
func runParallel(t *testing.T, addr, name string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		conn := dialProxy(t, addr)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := command(int32(i+1), 0, name).writeTo(conn); err != nil {
				t.Error(err)
				return
			}
			got, err := readMessage(conn)
			if err != nil {
				t.Error(err)
				return
			}
			if got.responseTo() != int32(i+1) {
				t.Errorf("reply to %d, want %d", got.responseTo(), i+1)
			}
		}()
	}
	wg.Wait()
}

func TestWritesReachFerretDBOneAtATime(t *testing.T) {
	backend := startFakeBackend(t, 30*time.Millisecond, 1)
	addr := startProxy(t, backend)
	for _, name := range []string{"update", "findAndModify", "insert", "delete", "createIndexes", "someFutureCommand"} {
		runParallel(t, addr, name, 6)
		if got := backend.maxAtOnce(name); got != 1 {
			t.Errorf("%s: %d ran at once in FerretDB, want 1", name, got)
		}
	}
}

func TestReadsAreNotSerialized(t *testing.T) {
	backend := startFakeBackend(t, 100*time.Millisecond, 1)
	addr := startProxy(t, backend)
	runParallel(t, addr, "find", 6)
	if got := backend.maxAtOnce("find"); got < 2 {
		t.Errorf("find: at most %d ran at once, want reads in parallel", got)
	}
}

func TestUnacknowledgedWriteHoldsTheLockUntilFerretDBAnswers(t *testing.T) {
	backend := startFakeBackend(t, 50*time.Millisecond, 1)
	addr := startProxy(t, backend)
	fireAndForget := dialProxy(t, addr)
	if err := command(7, flagMoreToCome, "update").writeTo(fireAndForget); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond) // let it take the lock first
	runParallel(t, addr, "update", 3)
	if got := backend.maxAtOnce("update"); got != 1 {
		t.Errorf("%d updates ran at once, want 1", got)
	}
	backend.mu.Lock()
	first := backend.seen[0]
	backend.mu.Unlock()
	if first.flags()&flagMoreToCome != 0 {
		t.Errorf("FerretDB got the w:0 write with moreToCome, so the lock could not wait for it")
	}
	// The client asked for no reply: the next thing it reads must answer its next request.
	if err := command(8, 0, "ping").writeTo(fireAndForget); err != nil {
		t.Fatal(err)
	}
	got, err := readMessage(fireAndForget)
	if err != nil {
		t.Fatal(err)
	}
	if got.responseTo() != 8 {
		t.Errorf("first reply answers %d, want the ping (8): the w:0 write's reply leaked", got.responseTo())
	}
}

func TestExhaustRepliesAreAllRelayed(t *testing.T) {
	backend := startFakeBackend(t, 0, 3)
	addr := startProxy(t, backend)
	conn := dialProxy(t, addr)
	const exhaustAllowed = 1 << 16
	if err := command(1, exhaustAllowed, "getMore").writeTo(conn); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		got, err := readMessage(conn)
		if err != nil {
			t.Fatalf("reply %d: %v", i, err)
		}
		if more := got.flags()&flagMoreToCome != 0; more != (i < 3) {
			t.Errorf("reply %d: moreToCome %v", i, more)
		}
	}
	// The stream is over: the connection carries the next request/reply normally.
	if err := command(2, 0, "ping").writeTo(conn); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		if _, err := readMessage(conn); err != nil {
			t.Fatalf("ping reply %d: %v", i, err)
		}
	}
}

func TestCommandName(t *testing.T) {
	docSeq := func(id string, docs ...[]byte) []byte {
		payload := append([]byte(id), 0)
		for _, d := range docs {
			payload = append(payload, d...)
		}
		s := binary.LittleEndian.AppendUint32([]byte{1}, uint32(4+len(payload)))
		return append(s, payload...)
	}
	// Drivers may put the documents of an insert in a sequence section before the body.
	insert := opMsgWith(1, 0,
		docSeq("documents", bsonDoc(bsonInt32("_id", 1)), bsonDoc(bsonInt32("_id", 2))),
		bodySection(bsonDoc(bsonString("insert", "c"), bsonString("$db", "test"))),
	)
	if got := commandName(insert); got != "insert" || !isWrite(insert) {
		t.Errorf("insert after a document sequence: name %q, write %v", got, isWrite(insert))
	}

	// The legacy handshake: OP_QUERY on admin.$cmd.
	q := new(message)
	q.body = binary.LittleEndian.AppendUint32(nil, 0)
	q.body = append(q.body, "admin.$cmd"...)
	q.body = append(q.body, 0)
	q.body = binary.LittleEndian.AppendUint32(q.body, 0)
	q.body = binary.LittleEndian.AppendUint32(q.body, uint32(0xFFFFFFFF))
	q.body = append(q.body, bsonDoc(bsonInt32("isMaster", 1))...)
	binary.LittleEndian.PutUint32(q.header[12:], opQuery)
	if got := commandName(q); got != "isMaster" || isWrite(q) {
		t.Errorf("OP_QUERY handshake: name %q, write %v", got, isWrite(q))
	}

	compressed := new(message)
	binary.LittleEndian.PutUint32(compressed.header[12:], opCompressed)
	if !isWrite(compressed) {
		t.Errorf("an OP_COMPRESSED request must be serialized: its command cannot be read")
	}
	if truncated := opMsgWith(1, 0, []byte{0, 200, 0, 0, 0}); !isWrite(truncated) {
		t.Errorf("an unreadable OP_MSG must be serialized")
	}
}
