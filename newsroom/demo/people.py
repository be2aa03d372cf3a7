"""Demo sections and correspondents for The Update Desk (fictional publication)."""

SECTIONS = [
    {
        "name": "World",
        "slug": "world",
        "description": "Reporting from our correspondents on the conflicts, crossings and quiet shifts reshaping countries far from the headlines.",
    },
    {
        "name": "Politics",
        "slug": "politics",
        "description": "Votes, rebellions, manifestos and the people behind them, followed closely from the committee room to the campaign trail.",
    },
    {
        "name": "Business",
        "slug": "business",
        "description": "Markets, central banks, trade and industry, explained with an eye on what they mean for workers and households.",
    },
    {
        "name": "Asia Pacific",
        "slug": "asia-pacific",
        "description": "News and analysis from the world's most populous region, from its busy shipping lanes to its fast-growing cities.",
    },
    {
        "name": "Science",
        "slug": "science",
        "description": "Discoveries, expeditions and the evidence behind the claims, reported with care for what is known and what is not.",
    },
]

CORRESPONDENTS = [
    {
        "slug": "amara-okafor",
        "name": "Amara Okafor",
        "job_title": "Asia Pacific Correspondent",
        "beat": "Southeast Asia, trade and maritime security",
        "based_in": "Singapore",
        "languages": "English, Bahasa Melayu, Mandarin, Yoruba",
        "outlets": [
            ("West Africa Business Wire, Lagos and Jakarta", 2011, 2017),
            ("Straits Shipping Weekly, Singapore", 2017, 2019),
        ],
        "education": (
            "MA Journalism, City, University of London; BA History, University of Lagos"
        ),
        "bio": (
            "Amara Okafor reports on Southeast Asia from Singapore, with a "
            "particular focus on the sea lanes, ports and supply chains that tie "
            "the region to the rest of the world. She has ridden out a typhoon on "
            "a container feeder ship, spent a week with crab fishermen in the "
            "Gulf of Thailand and interviewed harbour pilots in five languages, "
            "badly in at least two of them.\n\n"
            "Before moving to Asia she covered commodities and trade in West "
            "Africa. Readers write to her most often about marine insurance, a "
            "subject she insists is far more exciting than it sounds. Away from "
            "the desk she swims, sails dinghies and cooks jollof for unwilling "
            "colleagues."
        ),
        "email": "amara.okafor@theupdatedesk.example",
        "links": [
            ("Mastodon", "https://mastodon.example/@amara"),
            (
                "Newsletter: The Strait",
                "https://theupdatedesk.example/newsletters/the-strait",
            ),
        ],
    },
    {
        "slug": "daniel-reyes",
        "name": "Daniel Reyes",
        "job_title": "Political Editor",
        "beat": "Parliament, elections, housing and civil liberties",
        "based_in": "London",
        "languages": "English, Spanish, Portuguese",
        "outlets": [
            ("Northern Evening Post", 2008, 2011),
            ("National Press Agency, parliamentary lobby", 2011, 2019),
        ],
        "education": (
            "BA Politics and Philosophy, University of Manchester; "
            "NCTJ Diploma in Journalism"
        ),
        "bio": (
            "Daniel Reyes leads The Update Desk's political coverage from "
            "Westminster, where he has spent more than a decade watching "
            "governments rise, wobble and occasionally fall. He is known among "
            "colleagues for reading every amendment paper in full and for a "
            "contacts book that runs from veteran backbenchers to the clerks who "
            "keep the place running.\n\n"
            "The son of a Colombian nurse and a Yorkshire schoolteacher, he "
            "writes most often about housing, public services and the balance "
            "between security and privacy. He presents the weekly Division Bell "
            "podcast and is a reluctant but loyal supporter of a lower-league "
            "football club."
        ),
        "email": "daniel.reyes@theupdatedesk.example",
        "links": [
            (
                "Division Bell podcast",
                "https://theupdatedesk.example/podcasts/division-bell",
            ),
            ("Bluesky", "https://bsky.example/profile/danielreyes"),
        ],
    },
    {
        "slug": "lena-fischer",
        "name": "Lena Fischer",
        "job_title": "Business Correspondent",
        "beat": "European economy, central banks and the car industry",
        "based_in": "Frankfurt",
        "languages": "German, English, French",
        "outlets": [
            ("Rhine Institute for Economic Research", 2012, 2016),
            ("Frankfurter Finanzblatt", 2016, 2021),
        ],
        "education": (
            "MSc Economics, Goethe University Frankfurt; "
            "BA Economics and French, University of Heidelberg"
        ),
        "bio": (
            "Lena Fischer covers the European economy from Frankfurt, a short "
            "walk from the central bank whose every word she parses. Trained as "
            "an economist, she has a knack for turning interest-rate decisions "
            "and industrial statistics into stories about the people who live "
            "with their consequences, from assembly-line workers to first-time "
            "homebuyers.\n\n"
            "She has written extensively about the car industry's costly shift "
            "to electric vehicles and the race to build battery plants in Europe. "
            "When she is not decoding policy statements, she can usually be found "
            "on a bicycle somewhere in the Taunus hills."
        ),
        "email": "lena.fischer@theupdatedesk.example",
        "links": [
            ("Mastodon", "https://mastodon.example/@lenafischer"),
        ],
    },
    {
        "slug": "kofi-mensah",
        "name": "Kofi Mensah",
        "job_title": "World Affairs Correspondent",
        "beat": "East Africa, infrastructure, food security and diplomacy",
        "based_in": "Nairobi",
        "languages": "English, Swahili, Twi, French",
        "outlets": [
            ("Accra City Radio", 2009, 2013),
            ("World Service Radio, Africa desk", 2013, 2018),
        ],
        "education": (
            "MA International Relations, University of Nairobi; "
            "BA Communication Studies, University of Ghana"
        ),
        "bio": (
            "Kofi Mensah reports on East Africa and the Horn from Nairobi. His "
            "work ranges from diplomatic summits to the long-distance lorry "
            "drivers who keep the region's economies moving, and he has a "
            "particular interest in how railways, ports and power lines are "
            "redrawing the map of trade across the continent.\n\n"
            "Born in Kumasi, Ghana, he has reported from more than twenty African "
            "countries and was part of the team shortlisted for a regional press "
            "award for coverage of drought in the Horn. He is a keen amateur "
            "photographer and an even keener critic of airport coffee."
        ),
        "email": "kofi.mensah@theupdatedesk.example",
        "links": [
            ("Photography portfolio", "https://kofimensah.example.com"),
            ("Mastodon", "https://mastodon.example/@kofimensah"),
        ],
    },
    {
        "slug": "hana-sato",
        "name": "Hana Sato",
        "job_title": "Science Correspondent",
        "beat": "Oceans, climate, earth sciences and research policy",
        "based_in": "Tokyo",
        "languages": "Japanese, English",
        "outlets": [
            ("Tokyo Science Monthly", 2017, 2020),
            ("Public broadcaster's online science desk", 2020, 2022),
        ],
        "education": (
            "PhD Earth and Planetary Science, University of Tokyo; "
            "MSc Science Communication, Imperial College London"
        ),
        "bio": (
            "Hana Sato covers science from Tokyo, with a particular love for the "
            "deep ocean and the restless geology beneath it. A former marine "
            "geologist, she still remembers the thrill of seeing the first "
            "sonar images of an uncharted seamount scroll across a ship's "
            "monitor, and she brings that curiosity to every story she writes.\n\n"
            "She reports on climate, earthquakes, oceans and the funding and "
            "politics of research, and is careful to separate what scientists "
            "know from what they suspect. Outside work she practises calligraphy "
            "and is slowly learning the cello."
        ),
        "email": "hana.sato@theupdatedesk.example",
        "links": [
            ("Mastodon", "https://mastodon.example/@hanasato"),
            (
                "Deep Water newsletter",
                "https://theupdatedesk.example/newsletters/deep-water",
            ),
        ],
    },
]
