package ledger.model;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.Nationalized;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

/** An account with one attribute of nearly every JDK type Hibernate maps without help. */
@Entity
@Table(name = "accounts",
        uniqueConstraints = {@UniqueConstraint(columnNames = {"iban", "holder"}), @UniqueConstraint(columnNames = {"holder", "iban"}),
                @UniqueConstraint(columnNames = "externalId")},
        indexes = {@Index(columnList = "holder, openedAt"), @Index(columnList = "openedAt, holder"),
                @Index(columnList = "externalId", unique = true), @Index(columnList = "region, holder", unique = true),
                @Index(columnList = "holder, region", unique = true), @Index(name = "ux_accounts_alias", columnList = "alias", unique = true)})
public class Account {

    @Id
    @GeneratedValue
    private Long id;

    @Version
    private int revision;

    @NotBlank
    @Size(max = 34)
    private String iban;

    @NotEmpty
    private String holder;

    @Nationalized
    @Column(length = 80)
    private String alias;

    @Column(unique = true)
    private UUID externalId;

    private String region;

    // primitives: bare ones are NOT NULL; @Column (Hibernate 7) lifts that, @Basic does not
    private int openingRank;
    @Column
    private int overdraftDays;
    @Column(name = "risk_score")
    private double riskScore;
    @Basic
    private boolean frozen;
    @Column(nullable = false)
    private long ledgerNumber;
    private char grade;
    private Character subGrade;
    @Column(length = 2)
    private Character gradeSuffix;

    private BigDecimal balance;
    @Column(precision = 30)
    private BigInteger bigCounter;
    private Duration gracePeriod;
    private Year fiscalYear;
    private YearMonth statementMonth;
    private Class<?> handlerClass;
    private java.util.Currency currency;
    private Currency homeCurrency;
    private TimeZone timeZone;
    private ZoneId zone;
    private ZoneOffset utcOffset;
    private Locale locale;
    private URL website;
    private InetAddress lastLoginFrom;
    private OffsetTime cutOff;
    private ZonedDateTime nextReview;
    private OffsetDateTime lastStatement;
    private Instant openedAt;
    private java.sql.Date legacyDate;
    private java.sql.Time legacyTime;
    private java.sql.Timestamp legacyStamp;
    private byte[] signature;
    private char[] pin;
    private java.net.URI homepage;
}
