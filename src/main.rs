//! The `summit` command: serve the app, load the demo events, create tokens and staff logins.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use summit::domain::StaffRole;
use summit::store::{self, Db};
use summit::Settings;

#[derive(Parser)]
#[command(
    name = "summit",
    version,
    about = "Summit: events, sessions, speakers and registrations for city summits"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web app (the default). Address and port: Rocket.toml, ROCKET_ADDRESS, ROCKET_PORT.
    Serve {
        /// Load the seed events when the database has no events yet.
        #[arg(long)]
        demo: bool,
    },
    /// Load the seed events into the database and exit.
    Demo,
    /// API tokens for programs (`Authorization: Bearer TOKEN`).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Staff logins.
    #[command(subcommand)]
    User(UserCommand),
    /// Delete the personal data of events that ended more than RETENTION_DAYS ago (the app
    /// also does it every hour).
    Purge {
        /// Days after an event's end (default: the RETENTION_DAYS setting).
        #[arg(long)]
        days: Option<u32>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token and print it (it is shown only once).
    Create(TokenArgs),
    /// List tokens: id, role, event, label, created, revoked (never the tokens themselves).
    List,
    /// Revoke a token by the id `token list` shows; it stops working at once.
    Revoke {
        /// The token's id.
        id: i64,
    },
}

#[derive(Args)]
struct TokenArgs {
    #[arg(long, value_enum)]
    role: RoleArg,
    /// Limit the token to one event (door tokens).
    #[arg(long)]
    event: Option<String>,
    #[arg(long, default_value = "")]
    label: String,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff login and print a one-time link to set its password.
    Add(UserArgs),
    /// List staff logins: e-mail, role, event, whether the password is set, open sessions.
    List,
    /// Remove a staff login; its sessions end at once.
    Remove {
        #[arg(long)]
        email: String,
    },
}

#[derive(Args)]
struct UserArgs {
    #[arg(long)]
    email: String,
    #[arg(long, value_enum)]
    role: RoleArg,
    /// Limit the account to one event.
    #[arg(long)]
    event: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Organiser,
    Door,
}

impl From<RoleArg> for StaffRole {
    fn from(r: RoleArg) -> StaffRole {
        match r {
            RoleArg::Organiser => StaffRole::Organiser,
            RoleArg::Door => StaffRole::Door,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,rocket=warn,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let figment = with_secret_key(rocket::Config::figment());
    let mut settings = match Settings::load(&figment) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("summit: bad settings: {e}");
            return ExitCode::from(2);
        }
    };
    let command = cli.command.unwrap_or(Command::Serve { demo: false });
    let result = rocket::execute(async move {
        match command {
            Command::Serve { demo } => {
                settings.demo |= demo;
                summit::rocket_with(figment, settings)
                    .launch()
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            Command::Demo => demo(&settings).await,
            Command::Token(cmd) => token(cmd, &settings).await,
            Command::User(cmd) => user(cmd, &settings).await,
            Command::Purge { days } => purge(days, &settings).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("summit: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `summit demo`.
async fn demo(settings: &Settings) -> Result<(), String> {
    let db = open(settings).await?;
    let n = summit::demo::load_if_empty(&db)
        .await
        .map_err(|e| e.to_string())?;
    if n == 0 {
        println!("The database already has events; nothing loaded.");
    } else {
        println!("Loaded {n} demo events.");
    }
    Ok(())
}

/// `summit token …`.
async fn token(cmd: TokenCommand, settings: &Settings) -> Result<(), String> {
    let db = open(settings).await?;
    match cmd {
        TokenCommand::Create(args) => {
            let event_id = event_id(&db, args.event.as_deref()).await?;
            let token = store::staff::create_token(&db, args.role.into(), event_id, &args.label)
                .await
                .map_err(|e| e.to_string())?;
            println!("{token}");
            Ok(())
        }
        TokenCommand::List => {
            let tokens = store::staff::list_tokens(&db)
                .await
                .map_err(|e| e.to_string())?;
            println!("id\trole\tevent\tlabel\tcreated\trevoked");
            for t in tokens {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    t.id,
                    t.role,
                    t.event_slug.unwrap_or_else(|| "-".into()),
                    t.label,
                    stamp(t.created_at),
                    t.revoked_at.map_or_else(|| "-".into(), stamp),
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { id } => match store::staff::revoke_token(&db, id).await {
            Ok(true) => {
                println!("Token {id} revoked.");
                Ok(())
            }
            Ok(false) => Err(format!("no live token with the id {id}")),
            Err(e) => Err(e.to_string()),
        },
    }
}

/// `summit user …`.
async fn user(cmd: UserCommand, settings: &Settings) -> Result<(), String> {
    // A mistyped address is said before anything is opened.
    if let UserCommand::Add(args) = &cmd {
        if !summit::domain::secret::is_email(&args.email) {
            return Err(format!("'{}' is not an e-mail address", args.email));
        }
    }
    let db = open(settings).await?;
    match cmd {
        UserCommand::List => {
            let users = store::staff::list_users(&db)
                .await
                .map_err(|e| e.to_string())?;
            println!("email\trole\tevent\tpassword\tsessions");
            for u in users {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    u.email,
                    u.role,
                    u.event_slug.unwrap_or_else(|| "-".into()),
                    if u.has_password == 1 {
                        "set"
                    } else {
                        "not set"
                    },
                    u.sessions,
                );
            }
            Ok(())
        }
        UserCommand::Remove { email } => match store::staff::remove_user(&db, &email).await {
            Ok(true) => {
                println!("{email} removed; their sessions have ended.");
                Ok(())
            }
            Ok(false) => Err(format!("no staff login for {email}")),
            Err(e) => Err(e.to_string()),
        },
        UserCommand::Add(args) => {
            let event_id = event_id(&db, args.event.as_deref()).await?;
            let (_, token) = store::staff::add_user(&db, &args.email, args.role.into(), event_id)
                .await
                .map_err(|e| match e {
                    store::error::Error::Unprocessable { .. } => {
                        format!("{} already has a login", args.email)
                    }
                    other => other.to_string(),
                })?;
            println!(
                "{}/setup/{token}",
                settings.public_url.trim_end_matches('/')
            );
            Ok(())
        }
    }
}

/// `summit purge`.
async fn purge(days: Option<u32>, settings: &Settings) -> Result<(), String> {
    let db = open(settings).await?;
    let days = days.map_or(settings.retention_days, i64::from);
    let before = summit::domain::time::now() - days * 86_400;
    let gone = store::privacy::purge(&db, before)
        .await
        .map_err(|e| e.to_string())?;
    for email in &gone {
        summit::mail::forget_files(&settings.outbox_dir, email);
    }
    let n = gone.len();
    println!("Erased the registrations of {n} people from events that ended over {days} days ago.");
    Ok(())
}

/// Rocket refuses to start in release without `secret_key`. A one-machine install gets a
/// random key (staff sign in again after a restart); several instances must share one
/// (ROCKET_SECRET_KEY, see README).
fn with_secret_key(figment: rocket::figment::Figment) -> rocket::figment::Figment {
    let provided = figment
        .extract::<rocket::Config>()
        .is_ok_and(|c| c.secret_key.is_provided());
    if provided {
        return figment;
    }
    use base64::Engine;
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut key);
    let key = base64::engine::general_purpose::STANDARD.encode(key);
    figment.merge(("secret_key", key))
}

/// A UTC time for people reading the CLI's lists.
fn stamp(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0).map_or_else(
        || ts.to_string(),
        |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

async fn open(settings: &Settings) -> Result<Db, String> {
    Db::connect(&settings.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))
}

async fn event_id(db: &Db, slug: Option<&str>) -> Result<Option<i64>, String> {
    let Some(slug) = slug else { return Ok(None) };
    match store::events::find(db, slug).await {
        Ok(Some(e)) => Ok(Some(e.id)),
        Ok(None) => Err(format!("no event with the slug '{slug}'")),
        Err(e) => Err(e.to_string()),
    }
}
