package ledger.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Nationalized;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

import java.sql.Blob;
import java.sql.Clob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A stored document: large objects, legacy dates, JDBC type codes, JSON and arrays. */
@Entity
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Lob
    private String body;
    @Lob
    private byte[] scan;
    @Lob
    @Nationalized
    private String translatedBody;
    private Blob original;
    private Clob ocrText;

    @Temporal(TemporalType.DATE)
    private Date issuedOn;
    @Temporal(TemporalType.TIME)
    private Date issuedAt;
    @Temporal(TemporalType.TIMESTAMP)
    private Calendar archivedAt;
    private Date receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> history;
    @JdbcTypeCode(SqlTypes.SQLXML)
    private String xmlSource;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String languageCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    private UUID checksumId;
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID batchId;
    @JdbcTypeCode(SqlTypes.LONGVARCHAR)
    private String notes;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    private String transcript;
    @JdbcTypeCode(SqlTypes.NUMERIC)
    private Long pageCount;
    @JdbcTypeCode(SqlTypes.NUMERIC)
    @Column(precision = 8, scale = 3)
    private Double weight;
    @JdbcTypeCode(SqlTypes.DECIMAL)
    private Double score;
    @JdbcTypeCode(SqlTypes.INTEGER)
    private Long wordCount;
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Integer version;
    @JdbcTypeCode(SqlTypes.CHAR)
    private Boolean signed;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_UTC)
    private Instant scannedAt;
    @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE)
    private LocalDateTime localScan;
    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    private Duration retention;
    @JdbcTypeCode(SqlTypes.TIME)
    private LocalTime dailyCheck;
    @JdbcTypeCode(SqlTypes.UUID)
    private UUID correlation;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> keywords;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private Set<Integer> pages;
    @JdbcTypeCode(SqlTypes.FLOAT)
    private Double ratio;
    @JdbcTypeCode(SqlTypes.DOUBLE)
    private Float lightRatio;
    @JdbcTypeCode(SqlTypes.BIGINT)
    private Integer bigSize;
    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] thumbnail;

    @JdbcType(LongVarcharJdbcType.class)
    private String summary;
    @JdbcType(VarcharJdbcType.class)
    private UUID legacyRef;

    private int[] pageSizes;
    private String[] authors;
    @Column(length = 40)
    private String[] tags;
    private long[] offsets;
    private double[] weights;
    private List<UUID> reviewers;
    private java.util.ArrayList<String> serializedList;
}
