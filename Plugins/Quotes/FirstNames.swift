/// Common first names by gender (English first, then others news often quotes), so that "she" is not resolved to a man. Unknown names
/// agree with either pronoun.
enum FirstNames {
    static let female = [
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
        "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
        "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather",
        "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
        "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria",
        "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
        "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
        "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary", "nikki",
        "kamala", "ursula", "jacinda", "giorgia", "marine",
        "kristi", "kellyanne", "jill", "melania", "ivanka", "chelsea", "kirsten",
        "gennifer", "jane", "mette", "sanna", "kaja", "annalena", "liz", "kate", "anne", "claudia", "sheinbaum",
        "gina", "tulsi", "kristalina", "ngozi", "priti", "suella", "yulia", "olena", "maia", "sigrid",
        // Common beyond English-speaking countries.
        "marta", "ana", "olga", "fatima", "priya", "mei", "yuki", "sofia", "lucia", "elena", "irina", "natalia",
        "tatiana", "svetlana", "anastasia", "ekaterina", "aisha", "leila", "amina", "nadia", "carmen", "isabel",
        "beatriz", "ines", "camila", "valentina", "gabriela", "paula", "claire", "sophie", "camille", "chloe",
        "ingrid", "astrid", "greta", "katarzyna", "agnieszka", "magdalena", "ewa", "joanna", "monika", "zofia",
        "yasmin", "ayesha", "sunita", "anjali", "mariana", "daniela", "adriana", "silvia", "francesca", "giulia",
        "chiara", "alessandra", "nathalie", "valerie", "brigitte", "yolanda", "rosa", "lucy", "rita", "agnes"
    ]
    static let male = [
        "james", "robert", "john", "michael", "david", "william", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler",
        "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter",
        "noah", "jeremy", "christian", "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl",
        "arthur", "lawrence", "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel", "logan",
        "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
        "russell", "bobby", "mason", "philip", "louis", "barack", "bill", "mike", "ted", "bernie", "mitt",
        "vladimir", "xi", "emmanuel", "olaf", "boris", "rishi", "keir", "narendra", "recep",
        "volodymyr", "sergei", "sergey", "dmitry", "alexei", "jair", "luiz", "pat", "chris", "tim", "tom",
        "jim", "bob", "dick", "rudy", "newt", "marco", "rand", "jeb", "chuck", "mitch", "lindsey",
        "antony", "lloyd", "jake", "wang", "li", "shinzo", "fumio", "abdel", "mohammed", "muhammad", "ali",
        "ahmed", "hassan", "ismail", "jens", "viktor", "pedro", "javier", "friedrich", "gavin", "ron",
        "jd", "pete", "marcus", "elon", "jeff", "warren", "mahmoud", "yair", "naftali", "ebrahim",
        // Common beyond English-speaking countries.
        "luis", "carlos", "miguel", "jorge", "diego", "pablo", "antonio", "manuel", "francisco", "alejandro",
        "fernando", "rafael", "ricardo", "eduardo", "sergio", "andres", "francois", "pierre", "jacques", "nicolas",
        "michel", "philippe", "hans", "klaus", "wolfgang", "stefan", "giuseppe", "giovanni", "matteo", "luca",
        "lorenzo", "ivan", "igor", "nikolai", "mikhail", "andrei", "yuri", "oleg", "pavel", "piotr", "tomasz",
        "krzysztof", "ahmad", "omar", "khalid", "yusuf", "mustafa", "hamid", "rahul", "amit", "sanjay", "vijay",
        "arjun", "hiroshi", "takeshi", "kenji", "olusegun", "bola", "cyril", "uhuru", "abiy"
    ]
}
