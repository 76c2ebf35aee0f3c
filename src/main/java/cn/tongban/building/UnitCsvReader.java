package cn.tongban.building;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * Reads a 楼盘表 import file on its own thread, checks every row against the rules a row can be checked against
 * without the unit table (formats, dictionaries, areas, the building exists and has that floor) and hands the rows
 * on in batches, so that checking the next batch overlaps with writing the last one.
 *
 * <p>A unit code or 房屋编码 that may already have appeared in the file is flagged as a suspect. The flags come
 * from Bloom filters — a few bits per row instead of every code in memory — so a suspect is only possibly a
 * repeat; the importer settles suspects exactly at the end.
 */
final class UnitCsvReader implements AutoCloseable {

    /** A building as the rows need it: its id and which floors it has. */
    record BuildingFloors(long id, int floorsAbove, int floorsBelow) {
    }

    /**
     * One data row of the file.
     *
     * @param number     its line number in the file (the header is line 1)
     * @param unit       the row's unit, if it passed the row rules
     * @param buildingId the unit's building
     * @param errors     the rules it broke
     * @param suspect    its unit code or house code may repeat an earlier row's
     */
    record Line(long number, UnitRecord unit, long buildingId, List<Violation> errors, boolean suspect) {
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Object END = new Object();
    private static final double FALSE_SUSPECT_RATE = 0.001;

    private final CSVParser csv;
    private final UnitRules rules;
    private final Function<String, Optional<BuildingFloors>> buildingLookup;
    private final Map<String, Optional<BuildingFloors>> buildings = new HashMap<>();
    private final BloomFilter<CharSequence> unitCodes;
    private final BloomFilter<CharSequence> houseCodes;
    private final int batchSize;
    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(3);
    private volatile boolean cancelled;
    private Thread thread;

    /**
     * Reads the header at once, so that a file that cannot be imported at all is refused before anything starts.
     *
     * @param expectedRows a guess of the number of rows, to size the Bloom filters
     */
    UnitCsvReader(InputStream body, UnitRules rules, Function<String, Optional<BuildingFloors>> buildingLookup,
            long expectedRows, int batchSize) {
        this.rules = rules;
        this.buildingLookup = buildingLookup;
        this.batchSize = batchSize;
        this.unitCodes = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.US_ASCII), Math.max(expectedRows, 10_000), FALSE_SUSPECT_RATE);
        this.houseCodes = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.US_ASCII), Math.max(expectedRows, 10_000), FALSE_SUSPECT_RATE);
        this.csv = parser(body);
        checkHeader(csv.getHeaderNames());
    }

    /** Starts reading on a thread of its own. */
    void start() {
        thread = new Thread(this::read, "unit-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next batch of rows, or {@code null} after the last one.
     *
     * @throws RuleViolationException if the file turned out unreadable (then nothing may be written)
     */
    List<Line> next() throws InterruptedException {
        Object item = batches.take();
        if (item == END) {
            return null;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<Line> batch = (List<Line>) item;
        return batch;
    }

    @Override
    public void close() {
        cancelled = true;
        if (thread != null) {
            thread.interrupt();
        }
        try {
            csv.close();
        } catch (IOException e) {
            // the request body is closed by the container anyway
        }
    }

    private void read() {
        try {
            Iterator<CSVRecord> records = csv.iterator();
            List<Line> batch = new ArrayList<>(batchSize);
            while (!cancelled) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw unreadable(e.getCause(), csv.getCurrentLineNumber() + 1);
                }
                batch.add(line(record, csv.getCurrentLineNumber()));
                if (batch.size() == batchSize) {
                    put(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
        } catch (RuntimeException e) {
            putQuietly(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Line line(CSVRecord record, long number) {
        if (!record.isConsistent()) {
            return new Line(number, null, 0, List.of(new Violation(null, "unit-import.field-count", record.size())), false);
        }
        UnitRules.Outcome outcome = rules.check(name -> record.isMapped(name) ? record.get(name) : null);
        if (outcome instanceof UnitRules.Invalid invalid) {
            return new Line(number, null, 0, invalid.violations(), false);
        }
        UnitRecord unit = ((UnitRules.Valid) outcome).unit();
        Optional<BuildingFloors> building = buildings.computeIfAbsent(unit.buildingCode(), buildingLookup);
        if (building.isEmpty()) {
            // the building (幢, the code's first 24 characters) must be in the 楼盘表 already
            return new Line(number, null, 0, List.of(new Violation(UnitFields.UNIT_CODE, "unit.building-unknown", unit.buildingCode())), false);
        }
        BuildingFloors floors = building.get();
        if (unit.floor() > floors.floorsAbove() || unit.floor() < -floors.floorsBelow()) {
            return new Line(number, null, 0, List.of(new Violation(UnitFields.FLOOR, "unit.floor-outside-building",
                    -floors.floorsBelow(), floors.floorsAbove())), false);
        }
        boolean suspect = unitCodes.mightContain(unit.unitCode())
                || (unit.houseCode() != null && houseCodes.mightContain(unit.houseCode()));
        unitCodes.put(unit.unitCode());
        if (unit.houseCode() != null) {
            houseCodes.put(unit.houseCode());
        }
        return new Line(number, unit, floors.id(), List.of(), suspect);
    }

    private void put(Object item) throws InterruptedException {
        while (!cancelled) {
            if (batches.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private void putQuietly(RuntimeException e) {
        try {
            put(e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static CSVParser parser(InputStream body) {
        try {
            PushbackInputStream in = new PushbackInputStream(body, UTF8_BOM.length);
            byte[] head = in.readNBytes(UTF8_BOM.length);
            // Excel writes UTF-8 CSV with a byte-order mark; it is not part of the first column's name
            if (!Arrays.equals(head, UTF8_BOM)) {
                in.unread(head);
            }
            // A GBK (or any non-UTF-8) file is refused, not guessed at: a mis-decoded 坐落 would be imported wrong
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return CSVFormat.RFC4180.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                    .setAllowMissingColumnNames(false)
                    .get()
                    .parse(reader);
        } catch (CharacterCodingException e) {
            throw unreadable(e, 1);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), 1);
        } catch (IOException e) {
            throw unreadable(e, 1);
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a repeated or empty column name in the header
            throw new RuleViolationException(new Violation("file", "unit-import.header-invalid", 1));
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new RuleViolationException(new Violation("file", "unit-import.empty"));
        }
        List<Violation> violations = new ArrayList<>();
        for (String required : UnitFields.REQUIRED) {
            if (!header.contains(required)) {
                violations.add(new Violation(required, "unit-import.missing-column", required));
            }
        }
        for (String column : header) {
            if (!UnitFields.ALL.contains(column)) {
                violations.add(new Violation(column, "unit-import.unknown-column", column));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static RuleViolationException unreadable(Throwable cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new RuleViolationException(new Violation("file", "unit-import.not-utf8", line));
        }
        return new RuleViolationException(new Violation("file", "unit-import.unreadable", line));
    }
}
